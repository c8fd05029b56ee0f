package io.keyrail.support.events;

import io.keyrail.events.CloudEventHeaders;
import io.keyrail.events.KeyrailEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.core.annotation.Order;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The outbox's relay to Kafka. Every {@link KeyrailEvent} published in a transaction is recorded
 * in the event publication registry (Spring Modulith's JDBC outbox) with this listener as its
 * target; once the transaction commits, {@link #relay} hands the record to the Kafka producer on
 * the committing thread and returns at once. Modulith marks the publication completed when Kafka
 * acknowledges the record (the returned future), and resubmits it through this same method when it
 * is not acknowledged in time, also after a restart. An {@link EventBatch} is one publication
 * relayed as one record per event ({@link #relayBatch}).
 *
 * <p>Why not Modulith's own Kafka externalizer: it runs each event as an asynchronous task that
 * waits for its acknowledgement, so one sending thread (needed for order) gives one event per
 * broker round trip, and it sends Spring messages, whose type headers ({@code __TypeId__},
 * {@code spring_json_header_types}) a subscriber should not see. This relay sends the event's
 * JSON with exactly the CloudEvents binary-mode headers and lets the producer batch. Order per
 * record key comes from {@link RecordKeyOrder}.
 */
public class KafkaEventRelay {

    /** The listener id publications of this relay carry in the registry (for writers that insert rows directly). */
    public static final String LISTENER_ID = listenerId();

    private final KafkaOperations<String, Object> kafka;
    private final String source;

    public KafkaEventRelay(KafkaOperations<String, Object> kafka, String source) {
        this.kafka = kafka;
        this.source = source;
    }

    /** Sends {@code event} to its topic, keyed by its record key; completes when Kafka has acknowledged it. */
    @TransactionalEventListener
    @Order(0)
    public CompletableFuture<?> relay(KeyrailEvent event) {
        return send(event);
    }

    /**
     * Sends the events of {@code batch} in order, each as its own record with the payload the
     * batch already holds; completes when Kafka has acknowledged every one of them.
     */
    @TransactionalEventListener
    @Order(0)
    public CompletableFuture<?> relayBatch(EventBatch batch) {
        List<KeyrailEvent> events = batch.events();
        CompletableFuture<?>[] sent = new CompletableFuture<?>[events.size()];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = send(events.get(i), batch.payload(i));
        }
        return CompletableFuture.allOf(sent);
    }

    /** Sends {@code event} to its topic (for publications written without the event publisher, in bulk). */
    public CompletableFuture<?> send(KeyrailEvent event) {
        return send(event, event);
    }

    private CompletableFuture<?> send(KeyrailEvent event, Object value) {
        try {
            return kafka.send(record(event, value, source));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The Kafka record of {@code event}: its JSON value ({@code value}: the event, or its payload
     * already written) and only its {@code ce_*} and content-type headers.
     */
    static ProducerRecord<String, Object> record(KeyrailEvent event, Object value, String source) {
        Map<String, byte[]> ce = CloudEventHeaders.bytesOf(event, source);
        List<Header> headers = new ArrayList<>(ce.size());
        ce.forEach((name, v) -> headers.add(new RecordHeader(name, v)));
        return new ProducerRecord<>(event.type().topic(), null, event.recordKey(), value, headers);
    }

    private static String listenerId() {
        try {
            var method = KafkaEventRelay.class.getMethod("relay", KeyrailEvent.class);
            return new TransactionalApplicationListenerMethodAdapter("keyrailEventRelay", KafkaEventRelay.class, method)
                    .getListenerId();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("KafkaEventRelay has no relay(KeyrailEvent) method", e);
        }
    }
}
