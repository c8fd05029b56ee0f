package io.keyrail.hsm.software;

import io.keyrail.hsm.api.key.Exportability;
import io.keyrail.hsm.api.key.GeneratedKey;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyCheckValueMethod;
import io.keyrail.hsm.api.key.KeyExport;
import io.keyrail.hsm.api.key.KeyExportResult;
import io.keyrail.hsm.api.key.KeyImport;
import io.keyrail.hsm.api.key.KeyImportResult;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.key.KeyUsage;
import io.keyrail.hsm.api.key.LmkRotation;
import io.keyrail.hsm.api.key.ModeOfUse;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.kcv.CheckValues;
import io.keyrail.hsm.crypto.tr31.Tr31Header;
import io.keyrail.hsm.crypto.tr31.Tr31KeyBlockProtectionKey;
import io.keyrail.hsm.crypto.tr31.Tr31Unwrapping;
import java.security.MessageDigest;

/**
 * Import and export of keys under key-encryption keys, and LMK rotation, in the software HSM.
 * Every operation checks the KEK's usage and mode of use, that its cipher is the one the key block
 * version needs, the key's exportability, and that the KEK is at least as strong as the key it
 * protects. An imported key block keeps its sender's usage and never gains a wider mode of use or
 * exportability than it was sent with ({@link ImportedKeyAttributes}).
 */
final class SoftwareKeyExchange implements KeyImport, KeyExport, LmkRotation {

    /** A legacy cryptogram's check value is compared on at least 3 bytes (6 hexadecimal digits). */
    private static final int MIN_CHECK_VALUE_LENGTH = 3;

    private final KeyVault vault;

    SoftwareKeyExchange(KeyVault vault) {
        this.vault = vault;
    }

    @Override
    public KeyImportResult importKeyBlock(KeyType type, KeyBlock kek, String keyBlock) {
        OpenedKey wrapping = vault.open(kek);
        if (!isKeyEncryptionKey(wrapping.usage()) || !wrapping.mode().mayDecrypt()) {
            return new KeyImportResult.KekRefused("the KEK may not unwrap keys (usage " + wrapping.usage()
                    + ", mode " + wrapping.mode() + ")");
        }
        if (keyBlock == null || keyBlock.isEmpty()) {
            return new KeyImportResult.Malformed("the key block is empty");
        }
        KeyBlockVersion version;
        try {
            version = KeyBlockVersion.ofCode(keyBlock.charAt(0));
        } catch (IllegalArgumentException e) {
            return new KeyImportResult.Malformed(e.getMessage());
        }
        String kekRefusal = kbpkRefusal(wrapping, version);
        if (kekRefusal != null) {
            return new KeyImportResult.KekRefused(kekRefusal);
        }
        return switch (wrapping.asKeyBlockProtectionKey(version).unwrap(keyBlock)) {
            case Tr31Unwrapping.MacMismatch m -> new KeyImportResult.IntegrityFailure();
            case Tr31Unwrapping.Malformed m -> new KeyImportResult.Malformed(m.reason());
            case Tr31Unwrapping.Unwrapped u -> admit(type, wrapping, u.header(), u.key());
        };
    }

    private KeyImportResult admit(KeyType type, OpenedKey wrapping, Tr31Header header, byte[] clear) {
        try {
            KeyUsage usage;
            KeyAlgorithm algorithm;
            try {
                usage = header.usage();
                algorithm = header.keyAlgorithm();
            } catch (IllegalArgumentException e) {
                return new KeyImportResult.UsageMismatch(type, header.keyUsage());
            }
            if (!type.acceptsUsage(usage)) {
                return new KeyImportResult.UsageMismatch(type, header.keyUsage());
            }
            ModeOfUse mode;
            try {
                mode = header.mode();
            } catch (IllegalArgumentException e) {
                mode = null;
            }
            ImportedKeyAttributes attributes = mode == null ? null
                    : ImportedKeyAttributes.of(type, usage, mode, header.exportabilityCode());
            if (attributes == null) {
                return new KeyImportResult.UsageMismatch(type, header.keyUsage() + " with mode of use " + header.modeOfUse());
            }
            String weaker = KeyStrength.refusal(wrapping, algorithm, clear.length);
            if (weaker != null) {
                return new KeyImportResult.KekRefused(weaker);
            }
            KeyScheme scheme = KeyScheme.of(algorithm, clear.length);
            return new KeyImportResult.Imported(sealImported(type, attributes, scheme, clear));
        } catch (IllegalArgumentException e) {
            return new KeyImportResult.Malformed(e.getMessage());
        } finally {
            BlockCipherKey.wipe(clear);
        }
    }

    /**
     * Null when {@code kek} may serve as the key block protection key of {@code version}: TDES for
     * versions A, B and C, AES for D (TR-31:2018 A.1; ANSI X9.143:2021 6.2), so a key's bytes are
     * never used as a key of the other cipher. Otherwise why not.
     */
    private static String kbpkRefusal(OpenedKey kek, KeyBlockVersion version) {
        KeyAlgorithm needed = version == KeyBlockVersion.D ? KeyAlgorithm.AES : KeyAlgorithm.TDES;
        return kek.algorithm() == needed ? null : "a version " + version + " key block needs "
                + (needed == KeyAlgorithm.AES ? "an AES" : "a TDES") + " KEK, not " + kek.algorithm();
    }

    @Override
    public KeyImportResult importCryptogram(KeyType type, KeyScheme scheme, KeyBlock kek, String cryptogramHex,
                                            KeyCheckValue checkValue) {
        OpenedKey wrapping = vault.open(kek);
        if (!isKeyEncryptionKey(wrapping.usage()) || !wrapping.mode().mayDecrypt()
                || wrapping.algorithm() == KeyAlgorithm.AES || scheme.algorithm() == KeyAlgorithm.AES) {
            return new KeyImportResult.KekRefused("a legacy cryptogram needs a DES/TDES key-encryption key that may decrypt");
        }
        String weaker = KeyStrength.refusal(wrapping, scheme.algorithm(), scheme.length());
        if (weaker != null) {
            return new KeyImportResult.KekRefused(weaker);
        }
        if (!Hex.isHex(cryptogramHex) || cryptogramHex.length() != scheme.length() * 2) {
            return new KeyImportResult.Malformed("the cryptogram must be " + scheme.length() * 2 + " hexadecimal digits");
        }
        if (checkValue.length() < MIN_CHECK_VALUE_LENGTH || checkValue.length() > scheme.algorithm().blockSize()) {
            return new KeyImportResult.Malformed("the check value must be " + MIN_CHECK_VALUE_LENGTH + " to "
                    + scheme.algorithm().blockSize() + " bytes, not " + checkValue.length());
        }
        byte[] clear = wrapping.cipher().decryptEcb(Hex.decode(cryptogramHex, "cryptogram"));
        try {
            byte[] actual = CheckValues.compute(scheme.algorithm(), clear, KeyCheckValueMethod.ZEROS, checkValue.length());
            if (!MessageDigest.isEqual(actual, Hex.decode(checkValue.hex(), "check value"))) {
                return new KeyImportResult.CheckValueMismatch();
            }
            return new KeyImportResult.Imported(sealImported(type, ImportedKeyAttributes.of(type), scheme, clear));
        } finally {
            BlockCipherKey.wipe(clear);
        }
    }

    private GeneratedKey sealImported(KeyType type, ImportedKeyAttributes attributes, KeyScheme scheme, byte[] clear) {
        KeyBlock block = vault.seal(clear, attributes.usage(), scheme.algorithm(), attributes.mode(),
                attributes.exportability());
        KeyAlgorithm a = scheme.algorithm();
        KeyCheckValue kcv = new KeyCheckValue(Hex.encode(CheckValues.compute(a, clear, CheckValues.defaultMethod(a),
                CheckValues.defaultLength(a))));
        return new GeneratedKey(type, block, kcv);
    }

    @Override
    public KeyExportResult exportKeyBlock(KeyBlock key, KeyBlock kek, KeyBlockVersion version) {
        if (version != KeyBlockVersion.B && version != KeyBlockVersion.D) {
            throw new IllegalArgumentException("keys are exported as TR-31 version B or D, not " + version);
        }
        OpenedKey subject = vault.open(key);
        OpenedKey wrapping = vault.open(kek);
        String refusal = exportRefusal(subject, wrapping);
        if (refusal != null) {
            return refusal.isEmpty() ? new KeyExportResult.NotExportable() : new KeyExportResult.KekRefused(refusal);
        }
        String kekRefusal = kbpkRefusal(wrapping, version);
        if (kekRefusal != null) {
            return new KeyExportResult.KekRefused(kekRefusal);
        }
        Tr31KeyBlockProtectionKey kbpk = wrapping.asKeyBlockProtectionKey(version);
        Tr31Header h = subject.header();
        Tr31Header header = new Tr31Header(version, h.keyUsage(), h.algorithm(), h.modeOfUse(), h.keyVersionNumber(),
                h.exportability(), h.reserved(), h.optionalBlocks());
        byte[] clear = subject.clearCopy();
        try {
            return new KeyExportResult.Exported(kbpk.wrap(header, clear, null), defaultCheckValue(subject));
        } finally {
            BlockCipherKey.wipe(clear);
        }
    }

    @Override
    public KeyExportResult exportCryptogram(KeyBlock key, KeyBlock kek) {
        OpenedKey subject = vault.open(key);
        OpenedKey wrapping = vault.open(kek);
        if (subject.exportability() == Exportability.N) {
            return new KeyExportResult.NotExportable();
        }
        String cryptogramRefusal = SoftwareKeyGeneration.cryptogramKekRefusal(wrapping, subject.algorithm(), subject.length());
        if (cryptogramRefusal != null) {
            return new KeyExportResult.KekRefused(cryptogramRefusal);
        }
        byte[] clear = subject.clearCopy();
        try {
            String cryptogram = Hex.encode(wrapping.cipher().encryptEcb(clear));
            KeyCheckValue kcv = new KeyCheckValue(Hex.encode(CheckValues.compute(subject.cipher(), KeyCheckValueMethod.ZEROS,
                    SoftwareKeyGeneration.CRYPTOGRAM_CHECK_VALUE_LENGTH)));
            return new KeyExportResult.Exported(cryptogram, kcv);
        } finally {
            BlockCipherKey.wipe(clear);
        }
    }

    /** Null when the export may go ahead; "" when the key is not exportable; otherwise why the KEK is refused. */
    private static String exportRefusal(OpenedKey subject, OpenedKey wrapping) {
        if (subject.exportability() == Exportability.N) {
            return "";
        }
        if (!isKeyEncryptionKey(wrapping.usage()) || !wrapping.mode().mayEncrypt()) {
            return "the KEK may not wrap keys (usage " + wrapping.usage() + ", mode " + wrapping.mode() + ")";
        }
        return KeyStrength.refusal(wrapping, subject.algorithm(), subject.length());
    }

    private static KeyCheckValue defaultCheckValue(OpenedKey key) {
        KeyAlgorithm a = key.algorithm();
        return new KeyCheckValue(Hex.encode(CheckValues.compute(key.cipher(), CheckValues.defaultMethod(a),
                CheckValues.defaultLength(a))));
    }

    private static boolean isKeyEncryptionKey(KeyUsage usage) {
        return usage == KeyUsage.K0 || usage == KeyUsage.K1;
    }

    @Override
    public String currentLmkId() {
        return vault.lmks().currentId();
    }

    @Override
    public KeyBlock rewrap(KeyBlock keyBlock, String targetLmkId) {
        return vault.sealUnder(targetLmkId, vault.open(keyBlock));
    }
}
