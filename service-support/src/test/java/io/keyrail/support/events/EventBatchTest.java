package io.keyrail.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.events.EventJson;
import io.keyrail.events.EventType;
import io.keyrail.events.KeyrailEvent;
import io.keyrail.events.key.IssueCause;
import io.keyrail.events.key.KeyIssued;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import io.keyrail.events.material.KeyMaterial;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox row of an {@link EventBatch}, as Spring Modulith's Jackson serializer writes and reads
 * it (a plain {@link JsonMapper}, as Modulith's): each event's payload is exactly the Kafka record
 * value, and a batch read back holds equal events in the same order.
 */
class EventBatchTest {

    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");
    private final JsonMapper modulithMapper = JsonMapper.builder().build();

    @Test
    void theOutboxRowHoldsEachEventsKafkaPayloadAndReadsBackToEqualEvents() {
        List<KeyrailEvent> events = List.of(issued(WorkingKeyType.TPK), material(WorkingKeyType.TPK),
                issued(WorkingKeyType.TAK), material(WorkingKeyType.TAK));
        EventBatch batch = EventBatch.of(events);

        String row = modulithMapper.writeValueAsString(batch);

        JsonNode entries = modulithMapper.readTree(row).get("events");
        assertThat(entries.size()).isEqualTo(4);
        for (int i = 0; i < events.size(); i++) {
            assertThat(entries.get(i).get("type").asString()).isEqualTo(events.get(i).type().ceType());
            assertThat(entries.get(i).get("data")).isEqualTo(EventJson.tree(EventJson.write(events.get(i))));
            assertThat(new String(batch.payload(i), StandardCharsets.UTF_8))
                    .isEqualTo(new String(EventJson.write(events.get(i)), StandardCharsets.UTF_8));
        }
        EventBatch read = modulithMapper.readValue(row, EventBatch.class);
        assertThat(read.events()).containsExactlyElementsOf(events);
        assertThat(read.payload(3)).isEqualTo(batch.payload(3));
    }

    @Test
    void anEmptyBatchIsRefused() {
        assertThatThrownBy(() -> EventBatch.of(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one event");
    }

    @Test
    void aRowWithAnUnknownEventTypeIsNotReadAsAnEmptyOrPartialBatch() {
        String row = "{\"events\":[{\"type\":\"io.keyrail.unknown.v1\",\"data\":{}}]}";
        assertThatThrownBy(() -> modulithMapper.readValue(row, EventBatch.class))
                .hasMessageContaining("io.keyrail.unknown.v1");
    }

    private static KeyIssued issued(WorkingKeyType type) {
        return new KeyIssued(UUID.randomUUID(), NOW, "12345678", "123456789012345", type, 7, "TDES_2KEY", "77800CBA",
                KeyState.ACTIVE, NOW, 6, NOW.plusSeconds(1800), IssueCause.SIGN_IN);
    }

    private static KeyMaterial material(WorkingKeyType type) {
        return new KeyMaterial(UUID.randomUUID(), NOW, EventType.Source.KEY_ROTATION, "12345678", type, 7,
                "D0112P0TE00E0000" + "A".repeat(96), "lmk-test", "77800CBA", KeyState.ACTIVE, null);
    }
}
