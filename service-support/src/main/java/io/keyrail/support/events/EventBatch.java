package io.keyrail.support.events;

import io.keyrail.events.EventJson;
import io.keyrail.events.EventType;
import io.keyrail.events.KeyrailEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Many events of one transaction published as one outbox publication: one row in the event
 * publication registry, relayed as one Kafka record per event ({@link KafkaEventRelay}), in order,
 * and completed when Kafka has acknowledged all of them. A sign-in batch publishes four events per
 * terminal; as single publications each would cost a row to insert and delete, its own pass
 * through the event multicaster and two JSON serializations.
 *
 * <p>Each event's JSON payload is written once, here, and is both what the outbox row stores and
 * the Kafka record's value. The row is {@code {"events":[{"type":<ce_type>,"data":<payload>}, ...]}};
 * a resubmitted batch is read back from it and sends every event again with its own id (consumers
 * de-duplicate by event id).
 */
@JsonSerialize(using = EventBatch.Writer.class)
@JsonDeserialize(using = EventBatch.Reader.class)
public final class EventBatch {

    private final List<KeyrailEvent> events;
    private final List<byte[]> payloads;

    private EventBatch(List<KeyrailEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an event batch holds at least one event");
        }
        this.events = events;
        List<byte[]> json = new ArrayList<>(events.size());
        for (KeyrailEvent e : events) {
            json.add(EventJson.write(e));
        }
        this.payloads = json;
    }

    /** The batch of {@code events}, in the order they are to be sent. */
    public static EventBatch of(List<? extends KeyrailEvent> events) {
        return new EventBatch(List.copyOf(events));
    }

    public List<KeyrailEvent> events() {
        return events;
    }

    /** The JSON payload of the event at {@code index}: the Kafka record's value. */
    byte[] payload(int index) {
        return payloads.get(index);
    }

    @Override
    public String toString() {
        return "EventBatch[" + events.size() + " events]";
    }

    static final class Writer extends ValueSerializer<EventBatch> {

        @Override
        public void serialize(EventBatch batch, JsonGenerator gen, SerializationContext context) {
            gen.writeStartObject();
            gen.writeName("events");
            gen.writeStartArray();
            for (int i = 0; i < batch.events.size(); i++) {
                gen.writeStartObject();
                gen.writeStringProperty("type", batch.events.get(i).type().ceType());
                gen.writeName("data");
                gen.writeRawValue(new String(batch.payloads.get(i), StandardCharsets.UTF_8));
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
    }

    static final class Reader extends ValueDeserializer<EventBatch> {

        @Override
        public EventBatch deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode root = context.readTree(parser);
            List<KeyrailEvent> events = new ArrayList<>();
            for (JsonNode entry : root.path("events")) {
                String ceType = entry.path("type").asString();
                EventType type = EventType.ofCeType(ceType)
                        .orElseThrow(() -> new IllegalArgumentException("unknown event type in an outbox batch: " + ceType));
                events.add(EventJson.read(type, entry.path("data")));
            }
            return new EventBatch(events);
        }
    }
}
