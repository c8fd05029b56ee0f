package io.keyrail.rotation.keys;

import io.keyrail.events.key.IssueCause;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import java.time.Instant;

/**
 * One key version as operators and auditors see it: identity, state and times, never the key
 * block.
 */
public record KeyVersionView(WorkingKeyType keyType, int version, KeyState state, String algorithm, String checkValue,
                             Instant issuedAt, Instant acceptedUntil, IssueCause cause) {
}
