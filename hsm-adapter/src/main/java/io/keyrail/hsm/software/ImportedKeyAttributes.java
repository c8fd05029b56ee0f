package io.keyrail.hsm.software;

import io.keyrail.hsm.api.key.Exportability;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.key.KeyUsage;
import io.keyrail.hsm.api.key.ModeOfUse;

/**
 * The TR-31 attributes an imported key is held with under the LMK: the usage its sender bound it
 * to, and the narrower of the sender's and the key type's mode of use and exportability. Import
 * never widens what a key may do (ANSI X9.143:2021 6.3: the key block binds its attributes; a
 * receiver may only restrict them), so a key sent as non-exportable stays non-exportable and a
 * key sent for verification only cannot generate MACs.
 */
record ImportedKeyAttributes(KeyUsage usage, ModeOfUse mode, Exportability exportability) {

    /** The attributes of a key a legacy cryptogram carried, which binds none: the key type's own. */
    static ImportedKeyAttributes of(KeyType type) {
        return new ImportedKeyAttributes(type.usage(), type.modeOfUse(), type.exportability());
    }

    /**
     * The attributes of a key block sent with {@code usage} (one {@code type} accepts), {@code mode}
     * and {@code exportability}; null when the sender's mode of use cannot serve {@code type}.
     */
    static ImportedKeyAttributes of(KeyType type, KeyUsage usage, ModeOfUse mode, Exportability exportability) {
        ModeOfUse narrowed = narrower(type.modeOfUse(), mode);
        return narrowed == null ? null : new ImportedKeyAttributes(usage, narrowed, stricter(type.exportability(), exportability));
    }

    /** {@code sent} when it is {@code allowed} or a restriction of it; {@code allowed} for N (no restriction); else null. */
    private static ModeOfUse narrower(ModeOfUse allowed, ModeOfUse sent) {
        if (sent == ModeOfUse.N || sent == allowed) {
            return allowed;
        }
        return switch (allowed) {
            case B -> sent == ModeOfUse.E || sent == ModeOfUse.D ? sent : null;
            case C -> sent == ModeOfUse.G || sent == ModeOfUse.V ? sent : null;
            case N -> sent;
            default -> null;
        };
    }

    /** N (never exported) over S (sensitive) over E (exportable). */
    private static Exportability stricter(Exportability a, Exportability b) {
        if (a == Exportability.N || b == Exportability.N) {
            return Exportability.N;
        }
        return a == Exportability.S || b == Exportability.S ? Exportability.S : Exportability.E;
    }
}
