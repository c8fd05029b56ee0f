package io.keyrail.hsm.software;

import io.keyrail.hsm.api.key.Exportability;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyUsage;
import io.keyrail.hsm.api.key.ModeOfUse;
import io.keyrail.hsm.api.mac.MacAlgorithm;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.mac.MacCalculator;
import io.keyrail.hsm.crypto.tr31.Tr31Header;
import io.keyrail.hsm.crypto.tr31.Tr31KeyBlockProtectionKey;

/**
 * A key block opened under its LMK, with everything an operation needs prepared once: the cipher,
 * and on first use the MAC calculators and key block protection keys derived from it.
 *
 * <p>Lives only inside the software HSM (package-private); holds the clear key, which it hands to
 * nothing outside this package. {@link #toString()} names the header only.
 */
final class OpenedKey {

    private final Tr31Header header;
    private final KeyUsage usage;
    private final ModeOfUse mode;
    private final Exportability exportability;
    private final byte[] clear;
    private final BlockCipherKey cipher;
    private final MacCalculator[] macs = new MacCalculator[MacAlgorithm.values().length];
    private final Tr31KeyBlockProtectionKey[] kbpks = new Tr31KeyBlockProtectionKey[KeyBlockVersion.values().length];

    OpenedKey(Tr31Header header, byte[] clear) {
        this.header = header;
        this.usage = header.usage();
        this.mode = header.mode();
        this.exportability = header.exportabilityCode();
        this.clear = clear.clone();
        this.cipher = BlockCipherKey.of(header.keyAlgorithm(), clear);
    }

    Tr31Header header() {
        return header;
    }

    KeyUsage usage() {
        return usage;
    }

    ModeOfUse mode() {
        return mode;
    }

    Exportability exportability() {
        return exportability;
    }

    KeyAlgorithm algorithm() {
        return cipher.algorithm();
    }

    int length() {
        return clear.length;
    }

    BlockCipherKey cipher() {
        return cipher;
    }

    /** A copy of the clear key, for wrapping it under another key inside this package. */
    byte[] clearCopy() {
        return clear.clone();
    }

    /** The MAC calculator for {@code algorithm}, prepared on first use (a benign race builds it twice at most). */
    MacCalculator mac(MacAlgorithm algorithm) {
        MacCalculator m = macs[algorithm.ordinal()];
        if (m == null) {
            m = MacCalculator.of(algorithm, clear);
            macs[algorithm.ordinal()] = m;
        }
        return m;
    }

    /** This key as a TR-31 key block protection key of {@code version}, prepared on first use. */
    Tr31KeyBlockProtectionKey asKeyBlockProtectionKey(KeyBlockVersion version) {
        Tr31KeyBlockProtectionKey k = kbpks[version.ordinal()];
        if (k == null) {
            k = Tr31KeyBlockProtectionKey.of(version, clear);
            kbpks[version.ordinal()] = k;
        }
        return k;
    }

    @Override
    public String toString() {
        return "OpenedKey[" + usage + ", " + cipher + "]";
    }
}
