package io.keyrail.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.events.material.KeyMaterial;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Kafka record key and CloudEvents subject of every event type, spelled out: the key decides the
 * partition (one terminal's events in order; one compacted slot per terminal and key type on the
 * key-material topic) and consumers filter on the subject, so neither may change with the code that
 * builds them.
 */
class EventKeysTest {

    private static final String TERMINAL = "12345678";

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordKeyAndSubjectAreTheOnesConsumersRelyOn(EventType type) {
        KeyrailEvent event = SampleEvents.all().get(type);
        String[] keyAndSubject = switch (type) {
            case TERMINAL_REGISTERED, TERMINAL_UPDATED, TERMINAL_STATUS_CHANGED, TERMINAL_MASTER_KEY_INSTALLED,
                 TERMINAL_MASTER_KEY_DESTROYED, KEY_ISSUED, KEY_DESTROYED -> new String[] {TERMINAL, "terminal/" + TERMINAL};
            case KEY_MATERIAL -> new String[] {"terminal/" + TERMINAL + "/TAK", "terminal/" + TERMINAL + "/TAK"};
        };

        assertThat(event.recordKey()).as("record key of %s", type).isEqualTo(keyAndSubject[0]);
        assertThat(event.subject()).as("subject of %s", type).isEqualTo(keyAndSubject[1]);
        assertThat(CloudEventHeaders.of(event, EventType.Source.KEY_ROTATION))
                .containsEntry(CloudEventHeaders.SUBJECT, keyAndSubject[1]);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventButKeyMaterialIsScopedToItsTerminal(EventType type) {
        KeyrailEvent event = SampleEvents.all().get(type);

        if (event instanceof KeyMaterial) {
            assertThat(event).isNotInstanceOf(TerminalScopedEvent.class);
        } else {
            assertThat(event).isInstanceOfSatisfying(TerminalScopedEvent.class,
                    scoped -> assertThat(scoped.terminalId()).isEqualTo(TERMINAL));
        }
    }
}
