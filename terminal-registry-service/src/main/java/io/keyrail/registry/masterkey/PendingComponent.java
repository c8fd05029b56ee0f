package io.keyrail.registry.masterkey;

import io.keyrail.hsm.api.key.KeyBlock;
import java.time.Instant;

/**
 * One component of a generated TMK and its custodian: sealed under the LMK ({@code sealed}) until
 * released, then only the release is on record ({@code sealed} null).
 */
record PendingComponent(String terminalId, int tmkVersion, int number, int of, String custodian, String checkValue,
                        KeyBlock sealed, Instant releasedAt) {

    boolean released() {
        return releasedAt != null;
    }

    @Override
    public String toString() {
        return "PendingComponent[" + terminalId + ", " + number + "/" + of + ", " + custodian + "]";
    }
}
