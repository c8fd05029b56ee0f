package io.keyrail.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        h.put(TIME, format(event.occurredAt()));
        h.put(DATA_SCHEMA, event.type().dataSchema());
        h.put(CONTENT_TYPE, "application/json");
        return h;
    }

    /**
     * The same headers as UTF-8 bytes, as Kafka record headers carry them. The relay calls this for
     * every record it sends (four per sign-in), so the values that depend only on the event type
     * and the source are encoded once, and the time once per instant (the events of a transaction
     * share it): building them as strings first was the largest source of the rotation service's
     * garbage (about 1.7 kB a record; docs/performance.md, session 8). The arrays may be shared
     * between calls: callers must not modify them.
     */
    public static Map<String, byte[]> bytesOf(KeyrailEvent event, String source) {
        EventType type = event.type();
        TypeValues values = TYPE_VALUES.get(type);
        Map<String, byte[]> out = new LinkedHashMap<>(16);
        out.put(SPEC_VERSION, SPEC_VERSION_1_0);
        out.put(ID, ascii(event.eventId().toString()));
        out.put(SOURCE, values.fixedSource() != null ? values.fixedSource()
                : SOURCES.computeIfAbsent(source, CloudEventHeaders::utf8));
        out.put(TYPE, values.type());
        out.put(SUBJECT, utf8(event.subject()));
        out.put(TIME, time(event.occurredAt()));
        out.put(DATA_SCHEMA, values.dataSchema());
        out.put(CONTENT_TYPE, APPLICATION_JSON);
        return out;
    }

    private static final byte[] SPEC_VERSION_1_0 = ascii("1.0");
    private static final byte[] APPLICATION_JSON = ascii("application/json");
    private static final Map<EventType, TypeValues> TYPE_VALUES = typeValues();
    private static final Map<String, byte[]> SOURCES = new ConcurrentHashMap<>();
    private static volatile FormattedTime lastTime = new FormattedTime(Instant.EPOCH, ascii(format(Instant.EPOCH)));

    /** The header values of one event type, encoded; {@code fixedSource} null when the publisher's source applies. */
    private record TypeValues(byte[] type, byte[] dataSchema, byte[] fixedSource) {
    }

    private record FormattedTime(Instant at, byte[] iso) {
    }

    private static Map<EventType, TypeValues> typeValues() {
        Map<EventType, TypeValues> values = new EnumMap<>(EventType.class);
        for (EventType t : EventType.values()) {
            values.put(t, new TypeValues(utf8(t.ceType()), utf8(t.dataSchema()), t.fixedSource().map(CloudEventHeaders::utf8)
                    .orElse(null)));
        }
        return values;
    }

    /** {@code at} in ISO 8601 (UTC), encoded; formatted once for consecutive calls with the same instant. */
    private static byte[] time(Instant at) {
        FormattedTime last = lastTime;
        if (last.at().equals(at)) {
            return last.iso();
        }
        byte[] iso = ascii(format(at));
        lastTime = new FormattedTime(at, iso);
        return iso;
    }

    private static String format(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
