package io.keyrail.hsm.api.key;

/**
 * The token that opens a clear key component. Holding it is a statement that the caller is a
 * dual-control ceremony (a custodian receiving or entering one component); a search for this
 * class finds every place that touches clear key material outside the HSM.
 */
public final class ClearKeyAccess {

    private static final ClearKeyAccess CUSTODIAN = new ClearKeyAccess();

    private ClearKeyAccess() {
    }

    /** The access a key custodian's ceremony uses to read or enter one component. */
    public static ClearKeyAccess custodianCeremony() {
        return CUSTODIAN;
    }
}
