package io.keyrail.hsm.crypto.tr31;

import java.util.Objects;

/**
 * What unwrapping a TR-31 / ANSI X9.143 key block gave: the header and key, a MAC that did not
 * verify, or a block that is structurally malformed. These are expected outcomes of handling
 * untrusted input, so they are values, not exceptions; handle them with an exhaustive switch.
 *
 * <p>Never exposes a key in text: {@link Unwrapped#toString()} names the key length only, and a
 * {@link Malformed} reason names the field or position that is wrong, never key data.
 */
public sealed interface Tr31Unwrapping permits Tr31Unwrapping.Unwrapped, Tr31Unwrapping.MacMismatch,
        Tr31Unwrapping.Malformed {

    /**
     * The MAC verified: the header as read and the clear key (without length field or padding). The
     * caller owns {@code key} and should wipe it once the key is prepared.
     */
    record Unwrapped(Tr31Header header, byte[] key) implements Tr31Unwrapping {

        public Unwrapped {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(key, "key");
        }

        /** Names the header and the key length, never the key. */
        @Override
        public String toString() {
            return "Unwrapped[header=" + header + ", key=" + key.length + " bytes]";
        }
    }

    /** The key block is well formed but its MAC does not verify under this key block protection key. */
    record MacMismatch() implements Tr31Unwrapping {
    }

    /** The key block is not a well-formed TR-31 key block; {@code reason} names what is wrong. */
    record Malformed(String reason) implements Tr31Unwrapping {

        public Malformed {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a malformed key block needs a reason");
            }
        }
    }
}
