package io.keyrail.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.events.key.IssueCause;
import io.keyrail.events.key.KeyIssued;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The record headers as bytes are the string headers encoded, in the same order, although
 * {@link CloudEventHeaders#bytesOf} encodes the values of a type and the time once and reuses them.
 */
class CloudEventHeadersTest {

    private static Map<String, String> decoded(Map<String, byte[]> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void bytesAreTheHeadersEncodedInTheirOrder(EventType type) {
        KeyrailEvent event = SampleEvents.all().get(type);
        for (String source : new String[] {EventType.Source.KEY_ROTATION, EventType.Source.TERMINAL_REGISTRY}) {
            assertThat(decoded(CloudEventHeaders.bytesOf(event, source)))
                    .containsExactlyEntriesOf(CloudEventHeaders.of(event, source));
        }
    }

    @Test
    void eachEventGetsItsOwnIdSubjectAndTimeWhenTimesAlternate() {
        Instant first = Instant.parse("2026-12-03T14:00:00.123Z");
        Instant second = Instant.parse("2026-12-03T14:00:00.124Z");
        KeyIssued a = issued("AAAA0001", first);
        KeyIssued b = issued("AAAA0002", first);
        KeyIssued c = issued("AAAA0003", second);
        KeyIssued d = issued("AAAA0004", first);

        for (KeyIssued e : new KeyIssued[] {a, b, c, d, a}) {
            Map<String, String> headers = decoded(CloudEventHeaders.bytesOf(e, EventType.Source.KEY_ROTATION));
            assertThat(headers).containsExactlyEntriesOf(CloudEventHeaders.of(e, EventType.Source.KEY_ROTATION));
            assertThat(headers).containsEntry(CloudEventHeaders.ID, e.eventId().toString())
                    .containsEntry(CloudEventHeaders.SUBJECT, "terminal/" + e.terminalId())
                    .containsEntry(CloudEventHeaders.TIME, e.occurredAt().toString());
        }
    }

    private static KeyIssued issued(String terminalId, Instant at) {
        return new KeyIssued(UUID.randomUUID(), at, terminalId, "123456789012345", WorkingKeyType.TAK, 2, "TDES_2KEY",
                "77800C", KeyState.ACTIVE, at, 1, at.plusSeconds(1800), IssueCause.SIGN_IN);
    }
}
