package io.keyrail.events.material;

import io.keyrail.events.EventFields;
import io.keyrail.events.EventType;
import io.keyrail.events.KeyrailEvent;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

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

    private static final Pattern KEY_BLOCK = Pattern.compile("[ABCD][0-9]{4}[0-9A-Z]{11}[ -~]+");

    public KeyMaterial {
        EventFields.required(eventId, "eventId");
        EventFields.required(occurredAt, "occurredAt");
        EventFields.required(source, "source");
        EventFields.terminalId(terminalId);
        EventFields.required(keyType, "keyType");
        EventFields.version(version);
        if (keyBlock == null || !KEY_BLOCK.matcher(keyBlock).matches()) {
            throw new IllegalArgumentException("keyBlock must be a TR-31 key block");
        }
        EventFields.required(lmkId, "lmkId");
        EventFields.checkValue(checkValue);
        EventFields.required(state, "state");
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
