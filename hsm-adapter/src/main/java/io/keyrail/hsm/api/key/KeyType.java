package io.keyrail.hsm.api.key;

/**
 * The keys of the acquirer's hierarchy (see DESIGN), each bound to the TR-31 usage, mode of use
 * and exportability its key blocks carry, so that a TAK cannot encrypt a PIN and a TPK cannot MAC.
 */
public enum KeyType {
    /** Terminal master key: wraps the working keys sent at sign-in. */
    TMK(KeyUsage.K0, ModeOfUse.B, Exportability.E),
    /** Terminal PIN key (PIK). */
    TPK(KeyUsage.P0, ModeOfUse.B, Exportability.E),
    /** Terminal MAC key (MAK): ISO 9797-1 algorithm 3 / CUP MAC. */
    TAK(KeyUsage.M3, ModeOfUse.C, Exportability.E),
    /** Terminal track/data key. */
    TDK(KeyUsage.D0, ModeOfUse.B, Exportability.E),
    /** Zone master key shared with the card scheme. */
    ZMK(KeyUsage.K0, ModeOfUse.B, Exportability.E),
    /** Zone PIN key. */
    ZPK(KeyUsage.P0, ModeOfUse.B, Exportability.E),
    /** Zone MAC key. */
    ZAK(KeyUsage.M3, ModeOfUse.C, Exportability.E),
    /** DUKPT base derivation key: never leaves the HSM. */
    BDK(KeyUsage.B0, ModeOfUse.X, Exportability.N);

    private final KeyUsage usage;
    private final ModeOfUse modeOfUse;
    private final Exportability exportability;

    KeyType(KeyUsage usage, ModeOfUse modeOfUse, Exportability exportability) {
        this.usage = usage;
        this.modeOfUse = modeOfUse;
        this.exportability = exportability;
    }

    public KeyUsage usage() {
        return usage;
    }

    public ModeOfUse modeOfUse() {
        return modeOfUse;
    }

    public Exportability exportability() {
        return exportability;
    }

    /** True when a key block with {@code usage} can serve as this type. */
    public boolean acceptsUsage(KeyUsage candidate) {
        if (this == TAK || this == ZAK) {
            return candidate.isMac();
        }
        return candidate == usage;
    }
}
