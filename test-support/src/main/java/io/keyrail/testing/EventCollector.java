package io.keyrail.testing;

import io.keyrail.events.CloudEventHeaders;
import io.keyrail.events.EventSchemas;
import io.keyrail.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A subscriber as another bank system would be: reads topics from the beginning on its own thread
 * and keeps every record, with its CloudEvents headers, for assertions.
 */
public final class EventCollector implements AutoCloseable {

    /** One received record. */
    public record Received(String topic, int partition, long offset, String key, Map<String, String> headers,
                           String json) {

        public String ceType() {
            return headers.get(CloudEventHeaders.TYPE);
        }

        public String ceId() {
            return headers.get(CloudEventHeaders.ID);
        }

        /** Schema errors of this record's payload against its ce_type's schema; an unknown type is an error. */
        public List<String> schemaErrors() {
            return EventType.ofCeType(ceType())
                    .map(t -> EventSchemas.validate(t, json))
                    .orElse(List.of("unknown ce_type " + ceType()));
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    public EventCollector(String bootstrapServers, Collection<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-collector-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Topics may be created, or get more partitions, after this subscriber starts (a service
        // creates its topics at start-up): notice new partitions within a second, not five minutes.
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.copyOf(topics));
        poller = new Thread(this::poll, "event-collector");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new java.util.LinkedHashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                    }
                    received.add(new Received(r.topic(), r.partition(), r.offset(), r.key(), headers,
                            r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8)));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    public List<Received> matching(Predicate<Received> filter) {
        List<Received> out = new ArrayList<>();
        for (Received r : received) {
            if (filter.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The records whose Kafka key is {@code key}, in the order they arrived. */
    public List<Received> forKey(String key) {
        return matching(r -> key.equals(r.key()));
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
