package io.keyrail.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.events.CloudEventHeaders;
import io.keyrail.events.EventJson;
import io.keyrail.events.EventType;
import io.keyrail.events.KeyrailEvent;
import io.keyrail.events.key.KeyIssued;
import io.keyrail.events.key.WorkingKeyType;
import io.keyrail.events.material.KeyMaterial;
import io.keyrail.events.terminal.TerminalMasterKeyInstalled;
import io.keyrail.events.terminal.TerminalRegistered;
import io.keyrail.events.terminal.TerminalStatusChanged;
import io.keyrail.testing.EventCollector.Received;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** How a subscribing bank system checks and reads Keyrail's records: schema, CloudEvents headers, payload. */
final class PublishedEvents {

    private PublishedEvents() {
    }

    /**
     * {@code r} is a known event type on its own topic, its payload valid against the type's JSON Schema,
     * keyed by its record key, with exactly the {@code ce_*} headers that its payload and publisher imply
     * (no framework headers such as Spring's {@code __TypeId__}).
     */
    static void assertValid(Received r) {
        String where = r.topic() + "/" + r.partition() + "@" + r.offset() + " " + r.ceType();
        assertThat(r.schemaErrors()).as("schema errors of %s", where).isEmpty();
        EventType type = EventType.ofCeType(r.ceType()).orElseThrow();
        assertThat(type.topic()).as("topic of %s", where).isEqualTo(r.topic());
        KeyrailEvent event = read(r);
        assertThat(r.key()).as("record key of %s", where).isEqualTo(event.recordKey());
        String source = type.fixedSource().orElseGet(() -> ((KeyMaterial) event).source());
        if (event instanceof KeyMaterial m) {
            assertThat(source).as("publisher of %s", where).isEqualTo(m.keyType() == WorkingKeyType.TMK
                    ? EventType.Source.TERMINAL_REGISTRY : EventType.Source.KEY_ROTATION);
        }
        assertThat(r.headers()).as("CloudEvents headers of %s, and no others", where)
                .containsExactlyInAnyOrderEntriesOf(CloudEventHeaders.of(event, source));
    }

    static KeyrailEvent read(Received r) {
        return EventJson.read(r.ceType(), r.json().getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new AssertionError("unknown ce_type " + r.ceType()));
    }

    /** Each record as one line of what a subscriber acts on (never a key: there is none to show). */
    static List<String> describe(List<Received> records) {
        return records.stream().map(PublishedEvents::read).map(PublishedEvents::describe).toList();
    }

    static List<Instant> occurredAt(List<Received> records) {
        return records.stream().map(PublishedEvents::read).map(KeyrailEvent::occurredAt).toList();
    }

    private static String describe(KeyrailEvent e) {
        return switch (e) {
            case TerminalRegistered r -> "registered " + r.merchantId() + " " + r.keyScheme() + " " + r.status();
            case TerminalMasterKeyInstalled m -> "master-key-installed v" + m.version() + " " + m.keyScheme() + " "
                    + m.checkValue() + " " + m.method();
            case TerminalStatusChanged c -> "status-changed " + c.previousStatus() + ">" + c.status() + " " + c.reason();
            case KeyIssued k -> "key-issued " + k.keyType() + " v" + k.version() + " " + k.algorithm() + " "
                    + k.checkValue() + " " + k.state() + " " + k.cause();
            case KeyMaterial m -> "key-material " + m.keyType() + " v" + m.version() + " " + m.checkValue() + " "
                    + m.state() + " " + m.source();
            default -> e.type().ceType();
        };
    }
}
