package io.keyrail.registry.signin;

import io.keyrail.events.KeyrailEvent;
import io.keyrail.events.Topics;
import io.keyrail.events.key.IssueCause;
import io.keyrail.events.key.KeyIssued;
import io.keyrail.registry.terminal.Terminals;
import io.keyrail.support.events.InboundEvents;
import io.keyrail.support.events.ProcessedEvents;
import io.keyrail.support.events.RejectedEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Learns of sign-ins from key rotation's public key events: a {@link KeyIssued} with cause
 * {@link IssueCause#SIGN_IN} makes a terminal awaiting its sign-in ACTIVE (the registry owns terminal
 * status). Idempotent: the event id is recorded in the same transaction as the status change, so a
 * redelivered event has no second effect.
 *
 * <p>Key events arrive at the sign-in rate, and nearly all concern terminals already ACTIVE, so
 * they are taken a poll at a time, and by their record key (the terminal id) before they are read:
 * one query (no transaction) finds which of the poll's terminals await a sign-in, and only their
 * records are parsed and validated; the rest cannot have an effect here and are passed over. Reading
 * and validating every event against its schema was most of the registry's CPU under sign-in load
 * (about 70 % of its samples at 2,000 sign-ins/s, docs/performance.md, session 8). A sign-in of an
 * awaiting terminal opens a transaction, in which the status is checked again under the terminal's
 * row lock. Events without effect are neither written nor recorded (the table of processed events
 * grows with status changes, not with sign-ins). A record read here that is not a valid Keyrail
 * event (or has no record key, so cannot be passed over) goes to {@code keyrail.keys.v1.DLT} (the
 * support module's error handler), after the records before it have had their effect, and
 * consumption goes on with the next one.
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

    @KafkaListener(id = "terminal-registry-sign-ins", topics = Topics.KEYS, groupId = CONSUMER, batch = "true")
    public void onKeyEvents(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> keys = new LinkedHashSet<>();
        records.forEach(r -> {
            if (r.key() != null) {
                keys.add(r.key());
            }
        });
        Set<String> awaiting = terminals.awaitingSignIn(keys);
        List<KeyIssued> signedIn = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String key = records.get(i).key();
            if (key != null && !awaiting.contains(key)) {
                continue;
            }
            KeyrailEvent event;
            try {
                event = InboundEvents.read(records.get(i));
            } catch (RejectedEventException e) {
                apply(signedIn); // the records before it, so that only it and those after are redelivered
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
            if (event instanceof KeyIssued issued && issued.cause() == IssueCause.SIGN_IN) {
                signedIn.add(issued);
            }
        }
        apply(signedIn);
    }

    /** The effect of {@code events}, in their order: terminals awaiting a sign-in become ACTIVE. */
    private void apply(List<KeyIssued> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(e -> ids.add(e.terminalId()));
        Set<String> awaiting = terminals.awaitingSignIn(ids);
        for (KeyIssued issued : events) {
            if (awaiting.contains(issued.terminalId())) {
                transactions.executeWithoutResult(status -> activate(issued));
            }
        }
        events.clear();
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
