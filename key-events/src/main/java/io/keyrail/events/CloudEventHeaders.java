package io.keyrail.events;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the event's attributes as
 * {@code ce_*} record headers, the payload as the JSON record value.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    /**
     * The headers of {@code event}, as strings in a stable order; {@code source} is the publishing
     * service's CloudEvents source (see {@link EventType.Source}).
     */
    public static Map<String, String> of(KeyrailEvent event, String source) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(SPEC_VERSION, "1.0");
        h.put(ID, event.eventId().toString());
        h.put(SOURCE, event.type().fixedSource().orElse(source));
        h.put(TYPE, event.type().ceType());
        h.put(SUBJECT, event.subject());
        h.put(TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        h.put(DATA_SCHEMA, event.type().dataSchema());
        h.put(CONTENT_TYPE, "application/json");
        return h;
    }

    /** The same headers as UTF-8 bytes, as Kafka record headers carry them. */
    public static Map<String, byte[]> bytesOf(KeyrailEvent event, String source) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        of(event, source).forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return out;
    }
}
