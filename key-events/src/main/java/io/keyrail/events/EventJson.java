package io.keyrail.events;

import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** JSON payloads of Keyrail events: ISO-8601 times, unknown properties tolerated on reading (forward compatibility). */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(KeyrailEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static JsonNode tree(byte[] json) {
        return MAPPER.readTree(json);
    }

    /** The parsed payload {@code json} as the record of {@code type}. */
    public static KeyrailEvent read(EventType type, JsonNode json) {
        return MAPPER.treeToValue(json, type.payload());
    }

    /** The payload read as the record of {@code ceType}, or empty when the type is unknown. */
    public static Optional<KeyrailEvent> read(String ceType, byte[] json) {
        return EventType.ofCeType(ceType).map(t -> MAPPER.readValue(json, t.payload()));
    }
}
