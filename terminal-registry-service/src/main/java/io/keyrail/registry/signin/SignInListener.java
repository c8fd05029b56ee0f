package io.keyrail.registry.signin;

import io.keyrail.events.KeyrailEvent;
import io.keyrail.events.Topics;
import io.keyrail.events.key.IssueCause;
import io.keyrail.events.key.KeyIssued;
import io.keyrail.registry.terminal.Terminals;
import io.keyrail.support.events.InboundEvents;
import io.keyrail.support.events.ProcessedEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Learns of sign-ins from key rotation's public key events: a {@link KeyIssued} with cause
 * {@link IssueCause#SIGN_IN} makes a terminal awaiting its sign-in ACTIVE (the registry owns terminal
 * status). Idempotent: the event id is recorded in the same transaction as the status change, so a
 * redelivered event has no second effect. Every later sign-in's events find the terminal ACTIVE
 * with one read and change nothing, so they are neither written nor recorded (the table of
 * processed events grows with status changes, not with sign-ins). A record that is not a valid Keyrail event goes to
 * {@code keyrail.keys.v1.DLT} (the support module's error handler) and consumption goes on.
 */
@Component
class SignInListener {

    static final String CONSUMER = "terminal-registry";
    private static final Logger LOG = LoggerFactory.getLogger(SignInListener.class);

    private final Terminals terminals;
    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;
    private final Counter signIns;

    SignInListener(Terminals terminals, ProcessedEvents processed, TransactionTemplate transactions,
                   MeterRegistry meters) {
        this.terminals = terminals;
        this.processed = processed;
        this.transactions = transactions;
        this.signIns = Counter.builder("keyrail.sign-ins")
                .description("Terminals that became ACTIVE on their first sign-in after a master key installation")
                .tag("observer", "terminal-registry")
                .register(meters);
    }

    /**
     * The first look (is the terminal awaiting its sign-in?) is one read outside any transaction;
     * only a terminal that awaits it opens one, in which the event id is recorded and the status
     * changed under the terminal's row lock (which checks the status again).
     */
    @KafkaListener(id = "terminal-registry-sign-ins", topics = Topics.KEYS, groupId = CONSUMER)
    public void onKeyEvent(ConsumerRecord<String, byte[]> record) {
        KeyrailEvent event = InboundEvents.read(record);
        if (!(event instanceof KeyIssued issued) || issued.cause() != IssueCause.SIGN_IN) {
            return;
        }
        if (!terminals.awaitsSignIn(issued.terminalId())) {
            return; // already ACTIVE (a later sign-in), or not in a state a sign-in changes: no effect to record
        }
        transactions.executeWithoutResult(status -> activate(issued));
    }

    private void activate(KeyIssued issued) {
        if (!processed.firstDelivery(issued.eventId(), CONSUMER)) {
            LOG.debug("event {} was processed before", issued.eventId());
            return;
        }
        if (terminals.signedIn(issued.terminalId())) {
            signIns.increment();
        }
    }
}
