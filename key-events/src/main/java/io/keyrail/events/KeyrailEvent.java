package io.keyrail.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event Keyrail publishes. Its id is fixed when the event is created, so a retried publication
 * carries the same {@code ce_id} and consumers can de-duplicate on it.
 */
public interface KeyrailEvent {

    /** Unique id of this event: the CloudEvents {@code id}. */
    UUID eventId();

    /** When the change happened: the CloudEvents {@code time}. */
    Instant occurredAt();

    /** The event's type: topic, CloudEvents type and schema. */
    EventType type();

    /** The Kafka record key (the terminal id, or a key-material key), which keeps one terminal's events in order. */
    String recordKey();

    /** The CloudEvents {@code subject}, for example {@code terminal/12345678}. */
    String subject();
}
