package io.keyrail.rotation.projection;

import io.keyrail.events.Topics;
import io.keyrail.support.events.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the registry's topics (consumer group {@code spring.kafka.consumer.group-id}, {@code key-rotation}):
 * terminal events, and the master key
 * records of the key-material topic. A record that cannot be read ({@code RejectedEventException})
 * goes to {@code <topic>.DLT} through the shared error handler, and consumption goes on.
 */
@Component
class RegistryEventListener {

    /** Key-material records of master keys are keyed {@code terminal/<id>/TMK}. */
    private static final String MASTER_KEY_SUFFIX = "/TMK";

    private final RegistryEvents events;

    RegistryEventListener(RegistryEvents events) {
        this.events = events;
    }

    @KafkaListener(id = "key-rotation-terminals", idIsGroup = false, topics = Topics.TERMINALS)
    void onTerminalEvent(ConsumerRecord<String, byte[]> record) {
        events.apply(InboundEvents.read(record));
    }

    /**
     * Only master keys concern this service; working-key records (including this service's own)
     * are skipped by their record key before any parsing.
     */
    @KafkaListener(id = "key-rotation-key-material", idIsGroup = false, topics = Topics.KEY_MATERIAL)
    void onKeyMaterial(ConsumerRecord<String, byte[]> record) {
        if (record.key() != null && !record.key().endsWith(MASTER_KEY_SUFFIX)) {
            return;
        }
        events.apply(InboundEvents.read(record));
    }
}
