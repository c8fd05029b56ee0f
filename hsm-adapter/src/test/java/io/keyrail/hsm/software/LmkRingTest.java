package io.keyrail.hsm.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.hsm.api.KeyBlockRejectedException;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyCheckValueMethod;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.tr31.Tr31KeyBlocks;
import io.keyrail.hsm.crypto.tr31.Tr31Unwrapping;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LmkRingTest {

    private static final char[] PASSWORD = "changeit-in-the-test".toCharArray();
    private static final byte[] LMK_A = KnownLmkHsm.random(32);
    private static final byte[] LMK_B = KnownLmkHsm.random(32);

    @TempDir
    Path directory;

    @Test
    void loadsEveryAesEntryOfAPkcs12KeystoreAndWrapsUnderTheNamedCurrentOne() throws Exception {
        Path keystore = keystore(Map.of("lmk-a", new SecretKeySpec(LMK_A, "AES"), "lmk-b", new SecretKeySpec(LMK_B, "AES")));

        LmkRing ring = LmkRing.fromPkcs12(keystore, PASSWORD, "lmk-b");

        assertThat(ring.ids()).containsExactlyInAnyOrder("lmk-a", "lmk-b");
        assertThat(ring.currentId()).isEqualTo("lmk-b");
        KeyBlock block = SoftwareHsm.create(ring).keyGeneration().generate(KeyType.TAK, KeyScheme.TDES_2KEY).keyBlock();
        assertThat(block.lmkId()).isEqualTo("lmk-b");
        assertThat(Tr31KeyBlocks.unwrap(LMK_B, block.value())).isInstanceOf(Tr31Unwrapping.Unwrapped.class);
        assertThat(Tr31KeyBlocks.unwrap(LMK_A, block.value())).isInstanceOf(Tr31Unwrapping.MacMismatch.class);
    }

    @Test
    void skipsKeystoreEntriesThatAreNotAesKeys() throws Exception {
        Path keystore = keystore(Map.of("lmk-a", new SecretKeySpec(LMK_A, "AES"),
                "legacy", new SecretKeySpec(KnownLmkHsm.random(24), "DESede")));

        assertThat(LmkRing.fromPkcs12(keystore, PASSWORD, null).ids()).containsExactly("lmk-a");
    }

    @Test
    void refusesAKeystoreWithAnAesKeyShorterThan256Bits() throws Exception {
        Path keystore = keystore(Map.of("short", new SecretKeySpec(KnownLmkHsm.random(16), "AES")));

        assertThatThrownBy(() -> LmkRing.fromPkcs12(keystore, PASSWORD, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LMK short must be an AES-256 key (32 bytes), not 16");
    }

    @Test
    void refusesAKeystoreWithoutAnyAesKey() throws Exception {
        Path keystore = keystore(Map.of("legacy", new SecretKeySpec(KnownLmkHsm.random(24), "DESede")));

        assertThatThrownBy(() -> LmkRing.fromPkcs12(keystore, PASSWORD, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least one LMK is needed");
    }

    @Test
    void namesTheKeystoreFileButNotThePasswordWhenItCannotBeOpened() throws Exception {
        Path keystore = keystore(Map.of("lmk-a", new SecretKeySpec(LMK_A, "AES")));

        assertThatThrownBy(() -> LmkRing.fromPkcs12(keystore, "wrong-password".toCharArray(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot load the LMK keystore lmks.p12: ")
                .hasMessageNotContaining("wrong-password");
        assertThatThrownBy(() -> LmkRing.fromPkcs12(directory.resolve("missing.p12"), PASSWORD, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot load the LMK keystore missing.p12: NoSuchFileException");
    }

    @Test
    void readsIdHexPairsFromTheEnvironmentWithTheFirstAsCurrentByDefault() {
        Map<String, String> environment = Map.of(LmkRing.LMKS_VARIABLE,
                "lmk-a=" + Hex.encode(LMK_A) + ", lmk-b=" + Hex.encode(LMK_B).toLowerCase());

        LmkRing ring = LmkRing.fromEnvironment(environment);

        assertThat(ring.ids()).containsExactly("lmk-a", "lmk-b");
        assertThat(ring.currentId()).isEqualTo("lmk-a");
    }

    @Test
    void takesTheCurrentLmkFromItsOwnEnvironmentVariable() {
        Map<String, String> environment = Map.of(
                LmkRing.LMKS_VARIABLE, "lmk-a=" + Hex.encode(LMK_A) + ",lmk-b=" + Hex.encode(LMK_B),
                LmkRing.CURRENT_VARIABLE, "lmk-b");

        LmkRing ring = LmkRing.fromEnvironment(environment);

        assertThat(ring.currentId()).isEqualTo("lmk-b");
        KeyBlock block = SoftwareHsm.create(ring).keyGeneration().generate(KeyType.ZPK, KeyScheme.AES_256).keyBlock();
        assertThat(Tr31KeyBlocks.unwrap(LMK_B, block.value())).isInstanceOf(Tr31Unwrapping.Unwrapped.class);
    }

    static Stream<Arguments> badEnvironments() {
        String a = Hex.encode(LMK_A);
        return Stream.of(
                Arguments.of(Map.of(), LmkRing.LMKS_VARIABLE + " is not set: expected id=hex pairs of AES-256 LMKs"),
                Arguments.of(Map.of(LmkRing.LMKS_VARIABLE, "  "),
                        LmkRing.LMKS_VARIABLE + " is not set: expected id=hex pairs of AES-256 LMKs"),
                Arguments.of(Map.of(LmkRing.LMKS_VARIABLE, a), LmkRing.LMKS_VARIABLE + " entries must be id=hex"),
                Arguments.of(Map.of(LmkRing.LMKS_VARIABLE, "=" + a), LmkRing.LMKS_VARIABLE + " entries must be id=hex"),
                Arguments.of(Map.of(LmkRing.LMKS_VARIABLE, "lmk-a=" + a.substring(1)),
                        "LMK lmk-a has an odd number of hexadecimal digits (63)"),
                Arguments.of(Map.of(LmkRing.LMKS_VARIABLE, "lmk-a=" + a.substring(0, 62) + "ZZ"),
                        "LMK lmk-a has a non-hexadecimal character at position 63"),
                Arguments.of(Map.of(LmkRing.LMKS_VARIABLE, "lmk-a=" + a.substring(0, 48)),
                        "LMK lmk-a must be an AES-256 key (32 bytes), not 24"),
                Arguments.of(Map.of(LmkRing.LMKS_VARIABLE, "lmk-a=" + a + ",lmk-a=" + Hex.encode(LMK_B)),
                        LmkRing.LMKS_VARIABLE + " names LMK lmk-a twice"),
                Arguments.of(Map.of(LmkRing.LMKS_VARIABLE, "lmk-a=" + a, LmkRing.CURRENT_VARIABLE, "lmk-z"),
                        "current LMK lmk-z is not among the loaded LMKs [lmk-a]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badEnvironments")
    void refusesABadEnvironmentNamingWhatIsWrongButNeverTheKey(Map<String, String> environment, String message) {
        assertThatThrownBy(() -> LmkRing.fromEnvironment(environment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message)
                .hasMessageNotContaining(Hex.encode(LMK_A).substring(0, 16));
    }

    @Test
    void refusesAnEmptyRingAndAnUnknownCurrentLmk() {
        assertThatThrownBy(() -> LmkRing.of(Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least one LMK is needed");
        assertThatThrownBy(() -> LmkRing.of(Map.of("lmk-a", LMK_A), "lmk-b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("current LMK lmk-b is not among the loaded LMKs [lmk-a]");
        assertThatThrownBy(() -> LmkRing.of(Map.of("lmk-a", KnownLmkHsm.random(16)), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LMK lmk-a must be an AES-256 key (32 bytes), not 16");
    }

    @Test
    void ephemeralRingHoldsOneFreshLmkUnderItsId() {
        LmkRing ring = LmkRing.ephemeral("scratch");

        assertThat(ring.ids()).containsExactly("scratch");
        assertThat(ring.currentId()).isEqualTo("scratch");
    }

    @Test
    void rejectsAKeyBlockUnderAnLmkItDoesNotHold() {
        KeyBlock block = SoftwareHsm.create(LmkRing.ephemeral("other")).keyGeneration()
                .generate(KeyType.TAK, KeyScheme.TDES_2KEY).keyBlock();
        SoftwareHsm hsm = SoftwareHsm.create(LmkRing.of(Map.of("lmk-a", LMK_A), null));

        assertThatThrownBy(() -> hsm.keyCheckValues().checkValue(block,
                KeyCheckValueMethod.ZEROS, 3))
                .isInstanceOf(KeyBlockRejectedException.class)
                .hasMessage("key block is under LMK other, which this HSM does not hold");
    }

    @Test
    void toStringNamesTheIdsButNoKeyMaterial() {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("lmk-a", LMK_A);
        keys.put("lmk-b", LMK_B);

        String text = LmkRing.of(keys, "lmk-b").toString();

        assertThat(text).isEqualTo("LmkRing[current=lmk-b, ids=[lmk-a, lmk-b]]");
    }

    @Test
    void doesNotSeeLaterChangesToTheMapItWasBuiltFrom() {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("lmk-a", LMK_A);
        LmkRing ring = LmkRing.of(keys, null);

        keys.put("lmk-b", LMK_B);

        assertThat(ring.ids()).containsExactly("lmk-a");
    }

    private Path keystore(Map<String, SecretKeySpec> entries) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (Map.Entry<String, SecretKeySpec> entry : entries.entrySet()) {
            store.setEntry(entry.getKey(), new KeyStore.SecretKeyEntry(entry.getValue()),
                    new KeyStore.PasswordProtection(PASSWORD));
        }
        Path file = directory.resolve("lmks.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }
}
