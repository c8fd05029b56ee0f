package io.keyrail.registry.transportkey;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyScheme;
import java.time.Instant;

/**
 * A key-encryption key the registry holds under the LMK, formed from components, to import TMKs
 * under ({@link TransportKeyPurpose#TRANSPORT}) or export them to a key-loading device. Its key
 * block is never part of an answer; {@link #toString()} shows the key block's header only.
 */
public record TransportKey(String id, TransportKeyPurpose purpose, KeyScheme keyScheme, @JsonIgnore KeyBlock keyBlock,
                           String checkValue, String createdBy, Instant createdAt) {
}
