package io.keyrail.events.material;

import io.keyrail.events.EventFields;
import io.keyrail.events.EventType;
import io.keyrail.events.KeyrailEvent;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import java.time.Instant;
import java.util.UUID;

/**
 * Internal: a key version's key block under the LMK, for the data-plane services that keep their
 * own projection of keys. Never a clear key: the key block opens only inside the HSM.
 * Record key {@code terminal/<id>/<type>} on the compacted key-material topic.
 *
 * <p>{@link #toString()} shows the key block's header only.
 */
public record KeyMaterial(UUID eventId, Instant occurredAt, String source, String terminalId, WorkingKeyType keyType,
                          int version, String keyBlock, String lmkId, String checkValue, KeyState state,
                          Instant acceptedUntil) implements KeyrailEvent {

    public KeyMaterial {
        EventFields.required(eventId, "eventId");
        EventFields.required(occurredAt, "occurredAt");
        EventFields.required(source, "source");
        EventFields.terminalId(terminalId);
        EventFields.required(keyType, "keyType");
        EventFields.version(version);
        if (keyBlock == null || !isKeyBlock(keyBlock)) {
            throw new IllegalArgumentException("keyBlock must be a TR-31 key block");
        }
        EventFields.required(lmkId, "lmkId");
        EventFields.checkValue(checkValue);
        EventFields.required(state, "state");
    }

    /**
     * The shape of a TR-31 key block ({@code [ABCD][0-9]{4}[0-9A-Z]{11}[ -~]+}): version, four-digit
     * length, the rest of the header, then printable ASCII. Checked without a regular expression,
     * which backtracked through the whole block on every event.
     */
    static boolean isKeyBlock(String keyBlock) {
        return keyBlock.length() >= 17 && keyBlock.charAt(0) >= 'A' && keyBlock.charAt(0) <= 'D'
                && EventFields.allChars(keyBlock, 1, 5, c -> c >= '0' && c <= '9')
                && EventFields.allChars(keyBlock, 5, 16, c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')
                && EventFields.allChars(keyBlock, 16, keyBlock.length(), c -> c >= ' ' && c <= '~');
    }

    @Override
    public EventType type() {
        return EventType.KEY_MATERIAL;
    }

    @Override
    public String recordKey() {
        return "terminal/" + terminalId + "/" + keyType;
    }

    @Override
    public String subject() {
        return "terminal/" + terminalId + "/" + keyType;
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + terminalId + ", " + keyType + " v" + version + ", " + keyBlock.substring(0, 16) + "..., "
                + state + "]";
    }
}
