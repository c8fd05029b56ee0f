package io.keyrail.hsm.crypto.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.vectors.KnownAnswerVectors;
import io.keyrail.hsm.vectors.KnownAnswerVectors.Vector;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.OutputLengthException;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeaCipherTest {

    static Stream<Vector> publishedBlocks() {
        return KnownAnswerVectors.load("des").stream();
    }

    @ParameterizedTest
    @MethodSource("publishedBlocks")
    void encryptsThePublishedPlaintextToThePublishedCiphertext(Vector v) {
        BlockCipherKey key = BlockCipherKey.of(algorithm(v), Hex.decode(v.input("key")));
        assertThat(Hex.encode(key.encryptEcb(Hex.decode(v.input("plaintext"))))).isEqualTo(v.expected("ciphertext"));
    }

    @ParameterizedTest
    @MethodSource("publishedBlocks")
    void decryptsThePublishedCiphertextToThePublishedPlaintext(Vector v) {
        BlockCipherKey key = BlockCipherKey.of(algorithm(v), Hex.decode(v.input("key")));
        assertThat(Hex.encode(key.decryptEcb(Hex.decode(v.expected("ciphertext"))))).isEqualTo(v.input("plaintext"));
    }

    private static KeyAlgorithm algorithm(Vector v) {
        return switch (v.algorithm()) {
            case "DES-ECB" -> KeyAlgorithm.DES;
            case "TDES-ECB" -> KeyAlgorithm.TDES;
            default -> throw new IllegalStateException("vector " + v.id() + " has unknown algorithm " + v.algorithm());
        };
    }

    /** Seeded random keys of every length, so a failure names a key that can be replayed. */
    static Stream<Arguments> randomKeys() {
        Random random = new Random(20240613);
        return IntStream.range(0, 300).mapToObj(i -> {
            byte[] key = new byte[new int[] {8, 16, 24}[i % 3]];
            random.nextBytes(key);
            byte[] block = new byte[8];
            random.nextBytes(block);
            return Arguments.of(Hex.encode(key), Hex.encode(block));
        });
    }

    @ParameterizedTest
    @MethodSource("randomKeys")
    void schedulesEveryKeyAsBouncyCastleDoesInBothDirections(String keyHex, String blockHex) {
        byte[] key = Hex.decode(keyHex);
        for (int offset = 0; offset < key.length; offset += 8) {
            byte[] single = java.util.Arrays.copyOfRange(key, offset, offset + 8);
            int[] encryption = DesKeySchedule.encryption(key, offset);
            assertThat(encryption).isEqualTo(BouncyCastleSchedule.of(true, single));
            assertThat(DesKeySchedule.decryption(encryption)).isEqualTo(BouncyCastleSchedule.of(false, single));
        }
    }

    @ParameterizedTest
    @MethodSource("randomKeys")
    void encryptsAndDecryptsEveryBlockAsBouncyCastleDoes(String keyHex, String blockHex) {
        byte[] key = Hex.decode(keyHex);
        byte[] block = Hex.decode(blockHex);
        DeaCipher[] pair = DeaCipher.pair(key);
        assertThat(process(pair[0], block)).isEqualTo(process(reference(true, key), block));
        assertThat(process(pair[1], block)).isEqualTo(process(reference(false, key), block));
        assertThat(process(pair[1], process(pair[0], block))).isEqualTo(block);
    }

    @Test
    void runsInPlaceWhenInputAndOutputAreTheSameBlock() {
        byte[] key = Hex.decode("0123456789ABCDEFFEDCBA9876543210");
        byte[] buffer = Hex.decode("00000000000000000123456789ABCDE7");
        DeaCipher.pair(key)[0].processBlock(buffer, 8, buffer, 8);
        assertThat(Hex.encode(buffer)).isEqualTo("00000000000000007F1D0A77826B8AFF");
    }

    static Stream<Arguments> badKeyLengths() {
        return Stream.of(
                Arguments.of(0, "a DES or TDES key must be 8, 16 or 24 bytes, not 0"),
                Arguments.of(7, "a DES or TDES key must be 8, 16 or 24 bytes, not 7"),
                Arguments.of(15, "a DES or TDES key must be 8, 16 or 24 bytes, not 15"),
                Arguments.of(32, "a DES or TDES key must be 8, 16 or 24 bytes, not 32"));
    }

    @ParameterizedTest
    @MethodSource("badKeyLengths")
    void rejectsAKeyThatIsNotOneTwoOrThreeDesKeys(int length, String message) {
        assertThatThrownBy(() -> DeaCipher.pair(new byte[length]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void refusesToBeInitialisedAgain(boolean forEncryption) {
        DeaCipher cipher = DeaCipher.pair(new byte[8])[0];
        assertThatThrownBy(() -> cipher.init(forEncryption, new KeyParameter(new byte[8])))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("a DeaCipher is prepared once, by DeaCipher.pair");
    }

    static Stream<Arguments> shortBuffers() {
        return Stream.of(
                Arguments.of(7, 0, 8, 0, DataLengthException.class, "input buffer too short"),
                Arguments.of(16, 9, 8, 0, DataLengthException.class, "input buffer too short"),
                Arguments.of(8, -1, 8, 0, DataLengthException.class, "input buffer too short"),
                Arguments.of(8, 0, 7, 0, OutputLengthException.class, "output buffer too short"),
                Arguments.of(8, 0, 16, 9, OutputLengthException.class, "output buffer too short"));
    }

    @ParameterizedTest
    @MethodSource("shortBuffers")
    void rejectsABufferWithoutAWholeBlockAtTheOffset(int inLength, int inOff, int outLength, int outOff,
                                                     Class<? extends Exception> type, String message) {
        DeaCipher cipher = DeaCipher.pair(new byte[16])[0];
        assertThatThrownBy(() -> cipher.processBlock(new byte[inLength], inOff, new byte[outLength], outOff))
                .isInstanceOf(type)
                .hasMessage(message);
    }

    @Test
    void namesThePassesButNeverTheKey() {
        assertThat(DeaCipher.pair(Hex.decode("0123456789ABCDEF"))[0]).hasToString("DeaCipher[1 pass]");
        assertThat(DeaCipher.pair(Hex.decode("0123456789ABCDEFFEDCBA9876543210"))[1]).hasToString("DeaCipher[3 passes]");
    }

    private static byte[] process(BlockCipher cipher, byte[] block) {
        byte[] out = new byte[8];
        cipher.processBlock(block, 0, out, 0);
        return out;
    }

    private static BlockCipher reference(boolean forEncryption, byte[] key) {
        BlockCipher engine = key.length == 8 ? new DESEngine() : new DESedeEngine();
        engine.init(forEncryption, new KeyParameter(key));
        return engine;
    }

    /** Bouncy Castle's own (bit by bit) key schedule, which the table-driven one must equal. */
    private static final class BouncyCastleSchedule extends DESEngine {

        static int[] of(boolean encrypting, byte[] key) {
            return new BouncyCastleSchedule().generateWorkingKey(encrypting, key);
        }
    }
}
