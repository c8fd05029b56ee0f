package io.keyrail.support.events;

import io.keyrail.events.EventJson;
import io.keyrail.events.KeyrailEvent;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer of Keyrail events: the JSON payload their schema describes, nothing else. */
public final class KeyrailEventSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof KeyrailEvent event) {
            return EventJson.write(event);
        }
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        if (data instanceof String text) {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("not a Keyrail event: " + data.getClass().getName());
    }
}
