package io.keyrail.hsm.crypto.tr31;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.keyrail.hsm.api.key.Exportability;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyUsage;
import io.keyrail.hsm.api.key.ModeOfUse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Wrap then unwrap for every version, KBPK length, key algorithm and key length, with random pads. */
class Tr31RoundTripTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (KeyBlockVersion version : KeyBlockVersion.values()) {
            int[] kbpkLengths = version == KeyBlockVersion.D ? new int[] {16, 24, 32} : new int[] {16, 24};
            for (int kbpkLength : kbpkLengths) {
                all.add(arguments(version, kbpkLength, KeyAlgorithm.DES, 8));
                all.add(arguments(version, kbpkLength, KeyAlgorithm.TDES, 16));
                all.add(arguments(version, kbpkLength, KeyAlgorithm.TDES, 24));
                all.add(arguments(version, kbpkLength, KeyAlgorithm.AES, 16));
                all.add(arguments(version, kbpkLength, KeyAlgorithm.AES, 24));
                all.add(arguments(version, kbpkLength, KeyAlgorithm.AES, 32));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "version {0}, {1}-byte KBPK, {2} key of {3} bytes")
    @MethodSource("combinations")
    void unwrapsWhatItWrapsWithARandomPadToTheNextBlock(KeyBlockVersion version, int kbpkLength,
                                                        KeyAlgorithm algorithm, int keyLength) {
        Tr31KeyBlockProtectionKey kbpk = Tr31KeyBlockProtectionKey.of(version, random(kbpkLength));
        Tr31Header header = Tr31Header.of(version, KeyUsage.K0, algorithm, ModeOfUse.B, Exportability.E);
        byte[] key = random(keyLength);

        String keyBlock = kbpk.wrap(header, key, null);

        int blockSize = version == KeyBlockVersion.D ? 16 : 8;
        int macLength = switch (version) {
            case A, C -> 4;
            case B -> 8;
            case D -> 16;
        };
        int keyData = (2 + keyLength + blockSize - 1) / blockSize * blockSize;
        assertThat(keyBlock).hasSize(16 + 2 * keyData + 2 * macLength)
                .startsWith(header.encode(keyBlock.length()));
        assertThat(kbpk.unwrap(keyBlock)).isInstanceOfSatisfying(Tr31Unwrapping.Unwrapped.class, u -> {
            assertThat(u.key()).isEqualTo(key);
            assertThat(u.header()).isEqualTo(header);
        });
    }

    @Test
    void drawsAFreshPadForEveryWrap() {
        Tr31KeyBlockProtectionKey kbpk = Tr31KeyBlockProtectionKey.of(KeyBlockVersion.D, random(32));
        Tr31Header header = Tr31Header.of(KeyBlockVersion.D, KeyUsage.P0, KeyAlgorithm.AES, ModeOfUse.E,
                Exportability.N);
        byte[] key = random(16);

        assertThat(kbpk.wrap(header, key, null)).isNotEqualTo(kbpk.wrap(header, key, null));
    }

    @Test
    void masksTheKeyLengthWithALongerPad() {
        Tr31KeyBlockProtectionKey kbpk = Tr31KeyBlockProtectionKey.of(KeyBlockVersion.B, random(24));
        Tr31Header header = Tr31Header.of(KeyBlockVersion.B, KeyUsage.P0, KeyAlgorithm.TDES, ModeOfUse.E,
                Exportability.E);
        byte[] key = random(16);

        String keyBlock = kbpk.wrap(header, key, random(14));

        assertThat(keyBlock).hasSize(16 + 2 * 32 + 16).startsWith("B0096");
        assertThat(kbpk.unwrap(keyBlock)).isInstanceOfSatisfying(Tr31Unwrapping.Unwrapped.class,
                u -> assertThat(u.key()).isEqualTo(key));
    }

    @Test
    void addsAPaddingBlockWhenOptionalBlocksLeaveTheHeaderOffTheCipherBlock() {
        Tr31KeyBlockProtectionKey kbpk = Tr31KeyBlockProtectionKey.of(KeyBlockVersion.D, random(16));
        Tr31Header header = new Tr31Header(KeyBlockVersion.D, "B0", 'T', 'X', "12", 'S', "00",
                List.of(new Tr31OptionalBlock("KS", "00604B120F9292800000")));
        byte[] key = random(16);

        String keyBlock = kbpk.wrap(header, key, null);

        assertThat(keyBlock).startsWith("D0144B0TX12S0200KS1800604B120F9292800000PB080000");
        assertThat(kbpk.unwrap(keyBlock)).isInstanceOfSatisfying(Tr31Unwrapping.Unwrapped.class, u -> {
            assertThat(u.key()).isEqualTo(key);
            assertThat(u.header().optionalBlock("KS")).map(Tr31OptionalBlock::data).contains("00604B120F9292800000");
            assertThat(u.header().optionalBlock("PB")).map(Tr31OptionalBlock::data).contains("0000");
        });
    }

    @Test
    void oneKeyBlockProtectionKeyServesManyThreadsAtOnce() throws Exception {
        Tr31KeyBlockProtectionKey kbpk = Tr31KeyBlockProtectionKey.of(KeyBlockVersion.D, random(32));
        Tr31Header header = Tr31Header.of(KeyBlockVersion.D, KeyUsage.D0, KeyAlgorithm.AES, ModeOfUse.B,
                Exportability.N);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        byte[] key = random(32);
                        Tr31Unwrapping result = kbpk.unwrap(kbpk.wrap(header, key, null));
                        if (!(result instanceof Tr31Unwrapping.Unwrapped u) || !Arrays.equals(u.key(), key)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
