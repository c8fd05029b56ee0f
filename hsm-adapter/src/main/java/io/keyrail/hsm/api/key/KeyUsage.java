package io.keyrail.hsm.api.key;

/**
 * TR-31 / ANSI X9.143 key usage (header bytes 5-6), the subset Keyrail issues and accepts.
 * Named by their two-character codes, as the standard names them.
 */
public enum KeyUsage {
    /** BDK: base derivation key (DUKPT). */
    B0,
    /** Initial DUKPT key. */
    B1,
    /** Data encryption key (generic), used for the TDK. */
    D0,
    /** Key encryption or wrapping key (TMK, ZMK, KEK of a key-loading device). */
    K0,
    /** TR-31 key block protection key. */
    K1,
    /** ISO 16609 MAC algorithm 1 (TDEA). */
    M0,
    /** ISO 9797-1 MAC algorithm 1 (CBC-MAC). */
    M1,
    /** ISO 9797-1 MAC algorithm 2. */
    M2,
    /** ISO 9797-1 MAC algorithm 3 (retail MAC, ANSI X9.19). */
    M3,
    /** ISO 9797-1 MAC algorithm 4. */
    M4,
    /** ISO 9797-1:1999 MAC algorithm 5 / CMAC (NIST SP 800-38B). */
    M5,
    /** ISO 9797-1:2011 MAC algorithm 5 / CMAC. */
    M6,
    /** PIN encryption key (TPK, ZPK). */
    P0;

    /** The usage for a two-character header code, or an exception naming the unknown code. */
    public static KeyUsage ofCode(String code) {
        for (KeyUsage u : values()) {
            if (u.name().equals(code)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unsupported key usage '" + code + "'");
    }

    /** True for the MAC key usages M0 to M6. */
    public boolean isMac() {
        return name().charAt(0) == 'M';
    }
}
