package io.keyrail.rotation.signin;

import io.keyrail.events.key.WorkingKeyType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * What the POSP returns to the terminal in its 0810: field 62 and, per key, its cryptogram under
 * the terminal's TMK, its check value and its new version. No clear key.
 */
record SignInResponse(
        String terminalId,
        String mode,
        @Schema(description = "Field 62 as hex: per key, its cryptogram under the TMK (8 or 16 bytes, a "
                + "single-length TAK followed by 8 zero bytes in modes 003 and 004) and its 4-byte check value; "
                + "24, 40 or 60 bytes")
        String field62,
        List<IssuedKey> keys,
        Instant issuedAt) {

    /** One working key as sent to the terminal. */
    record IssuedKey(WorkingKeyType keyType, int version,
                     @Schema(description = "The key under the terminal's TMK, TDES-ECB, hex") String cryptogram,
                     @Schema(description = "First 4 bytes of E(key, 8 zero bytes), hex") String checkValue) {
    }
}
