package io.keyrail.hsm.software;

import io.keyrail.hsm.api.key.CheckedComponent;
import io.keyrail.hsm.api.key.ClearKeyAccess;
import io.keyrail.hsm.api.key.ComponentFormation;
import io.keyrail.hsm.api.key.ComponentRelease;
import io.keyrail.hsm.api.key.Exportability;
import io.keyrail.hsm.api.key.GeneratedKey;
import io.keyrail.hsm.api.key.IssuedKeyResult;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyCheckValueMethod;
import io.keyrail.hsm.api.key.KeyCheckValues;
import io.keyrail.hsm.api.key.KeyComponent;
import io.keyrail.hsm.api.key.KeyComponents;
import io.keyrail.hsm.api.key.KeyGeneration;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.key.KeyUsage;
import io.keyrail.hsm.api.key.WorkingKeyIssuance;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.kcv.CheckValues;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Key generation, dual-control components, working-key issuance and check values in the software
 * HSM. Clear keys live in local arrays that are wiped before each method returns.
 */
final class SoftwareKeyGeneration implements KeyGeneration, KeyComponents, WorkingKeyIssuance, KeyCheckValues {

    /** CUP sign-in sends a 4-byte check value beside each working key (field 62). */
    static final int CRYPTOGRAM_CHECK_VALUE_LENGTH = 4;

    private final KeyVault vault;
    private final SecureRandom random;

    SoftwareKeyGeneration(KeyVault vault, SecureRandom random) {
        this.vault = vault;
        this.random = random;
    }

    @Override
    public GeneratedKey generate(KeyType type, KeyScheme scheme) {
        byte[] pad = new byte[vault.padLength(scheme.length())];
        byte[] clear = randomKey(scheme, pad);
        try {
            KeyBlock block = vault.seal(clear, pad, type.usage(), scheme.algorithm(), type.modeOfUse(), type.exportability());
            return new GeneratedKey(type, block, checkValue(scheme, clear));
        } finally {
            BlockCipherKey.wipe(clear);
            BlockCipherKey.wipe(pad);
        }
    }

    @Override
    public IssuedKeyResult issue(KeyType type, KeyScheme scheme, KeyBlock masterKey) {
        if (type.exportability() == Exportability.N) {
            throw new IllegalArgumentException("a " + type + " is not exportable, so it cannot be issued under a master key");
        }
        OpenedKey kek = vault.open(masterKey);
        String refusal = cryptogramKekRefusal(kek, scheme.algorithm(), scheme.length());
        if (refusal != null) {
            return new IssuedKeyResult.KekRefused(refusal);
        }
        byte[] pad = new byte[vault.padLength(scheme.length())];
        byte[] clear = randomKey(scheme, pad);
        try {
            BlockCipherKey cipher = BlockCipherKey.of(scheme.algorithm(), clear);
            KeyCheckValue kcv = new KeyCheckValue(Hex.encode(CheckValues.compute(cipher, KeyCheckValueMethod.ZEROS,
                    CRYPTOGRAM_CHECK_VALUE_LENGTH)));
            KeyBlock block = vault.seal(clear, pad, type.usage(), scheme.algorithm(), type.modeOfUse(), type.exportability());
            String cryptogram = Hex.encode(kek.cipher().encryptEcb(clear));
            return new IssuedKeyResult.Issued(new GeneratedKey(type, block, kcv.truncate(defaultLength(scheme))),
                    cryptogram, kcv);
        } finally {
            BlockCipherKey.wipe(clear);
            BlockCipherKey.wipe(pad);
        }
    }

    /** Null when {@code kek} may carry a TDES-ECB cryptogram of such a key; otherwise why not. */
    static String cryptogramKekRefusal(OpenedKey kek, KeyAlgorithm keyAlgorithm, int keyLength) {
        if (kek.usage() != KeyUsage.K0 || !kek.mode().mayEncrypt()) {
            return "the master key is not a key-encryption key that may wrap (usage " + kek.usage() + ", mode " + kek.mode() + ")";
        }
        if (kek.algorithm() == KeyAlgorithm.AES || keyAlgorithm == KeyAlgorithm.AES) {
            return "a legacy cryptogram is TDES-ECB: the key and the master key must be DES or TDES";
        }
        return KeyStrength.refusal(kek, keyAlgorithm, keyLength);
    }

    @Override
    public ComponentRelease generateComponents(KeyType type, KeyScheme scheme, int count) {
        requireComponentCount(count);
        List<CheckedComponent> components = new ArrayList<>(count);
        byte[] key = new byte[scheme.length()];
        for (int i = 0; i < count; i++) {
            byte[] component = randomKey(scheme);
            xorInto(key, component);
            components.add(new CheckedComponent(KeyComponent.ofBytes(component, ClearKeyAccess.custodianCeremony()),
                    checkValue(scheme, component)));
            BlockCipherKey.wipe(component);
        }
        try {
            return new ComponentRelease(seal(type, scheme, withParity(scheme, key)), components);
        } finally {
            BlockCipherKey.wipe(key);
        }
    }

    @Override
    public ComponentFormation formFromComponents(KeyType type, KeyScheme scheme, List<CheckedComponent> components) {
        requireComponentCount(components.size());
        byte[] key = new byte[scheme.length()];
        try {
            for (int i = 0; i < components.size(); i++) {
                CheckedComponent c = components.get(i);
                if (c.component().length() != scheme.length()) {
                    throw new IllegalArgumentException("component " + (i + 1) + " must be " + scheme.length()
                            + " bytes for " + scheme + ", not " + c.component().length());
                }
                byte[] component = c.component().bytes(ClearKeyAccess.custodianCeremony());
                KeyCheckValue actual = new KeyCheckValue(Hex.encode(CheckValues.compute(scheme.algorithm(), component,
                        CheckValues.defaultMethod(scheme.algorithm()), c.checkValue().length())));
                boolean matches = MessageDigest.isEqual(actual.hex().getBytes(), c.checkValue().hex().getBytes());
                xorInto(key, component);
                BlockCipherKey.wipe(component);
                if (!matches) {
                    return new ComponentFormation.ComponentCheckValueMismatch(i + 1);
                }
            }
            return new ComponentFormation.Formed(seal(type, scheme, withParity(scheme, key)));
        } finally {
            BlockCipherKey.wipe(key);
        }
    }

    @Override
    public KeyCheckValue checkValue(KeyBlock key, KeyCheckValueMethod method, int length) {
        return new KeyCheckValue(Hex.encode(CheckValues.compute(vault.open(key).cipher(), method, length)));
    }

    private GeneratedKey seal(KeyType type, KeyScheme scheme, byte[] clear) {
        KeyBlock block = vault.seal(clear, type.usage(), scheme.algorithm(), type.modeOfUse(), type.exportability());
        return new GeneratedKey(type, block, checkValue(scheme, clear));
    }

    private static KeyCheckValue checkValue(KeyScheme scheme, byte[] clear) {
        KeyAlgorithm a = scheme.algorithm();
        return new KeyCheckValue(Hex.encode(CheckValues.compute(a, clear, CheckValues.defaultMethod(a), CheckValues.defaultLength(a))));
    }

    private static int defaultLength(KeyScheme scheme) {
        return CheckValues.defaultLength(scheme.algorithm());
    }

    private byte[] randomKey(KeyScheme scheme) {
        return randomKey(scheme, new byte[0]);
    }

    /**
     * A random key for {@code scheme} (DES and TDES with odd parity, a TDES key never with K1 = K2),
     * and random bytes in {@code pad} for its key block, both from one draw of the random source.
     */
    private byte[] randomKey(KeyScheme scheme, byte[] pad) {
        int length = scheme.length();
        byte[] material = new byte[length + pad.length];
        random.nextBytes(material);
        byte[] key = Arrays.copyOf(material, length);
        System.arraycopy(material, length, pad, 0, pad.length);
        BlockCipherKey.wipe(material);
        if (scheme.algorithm() != KeyAlgorithm.AES) {
            BlockCipherKey.withOddParity(key);
            if (length >= 16 && firstTwoKeysEqual(key)) {
                BlockCipherKey.wipe(key);
                return randomKey(scheme, pad);
            }
        }
        return key;
    }

    /** True when K1 = K2 (a TDES key that is single DES in disguise); takes the same time either way. */
    private static boolean firstTwoKeysEqual(byte[] key) {
        int difference = 0;
        for (int i = 0; i < 8; i++) {
            difference |= key[i] ^ key[8 + i];
        }
        return difference == 0;
    }

    private static byte[] withParity(KeyScheme scheme, byte[] key) {
        return scheme.algorithm() == KeyAlgorithm.AES ? key : BlockCipherKey.withOddParity(key);
    }

    private static void xorInto(byte[] target, byte[] source) {
        for (int i = 0; i < target.length; i++) {
            target[i] ^= source[i];
        }
    }

    private static void requireComponentCount(int count) {
        if (count < 2 || count > 3) {
            throw new IllegalArgumentException("a key is formed from 2 or 3 components, not " + count);
        }
    }
}
