package io.keyrail.hsm.crypto.tr31;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.vectors.KnownAnswerVectors;
import io.keyrail.hsm.vectors.KnownAnswerVectors.Vector;
import java.util.Locale;
import java.util.stream.Stream;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Published TR-31 / X9.143 key blocks (vectors/tr31.json): exact wrap and MAC-verified unwrap for every version. */
class Tr31KnownAnswerTest {

    static Stream<Vector> vectors() {
        return KnownAnswerVectors.of("tr31");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void wrapsThePublishedKeyAndPadIntoThePublishedKeyBlock(Vector v) {
        Tr31Header header = Tr31Header.parse(v.input("header"));
        Tr31KeyBlockProtectionKey kbpk = Tr31KeyBlockProtectionKey.of(header.version(), Hex.decode(v.input("kbpk")));

        String keyBlock = kbpk.wrap(header, Hex.decode(v.input("key")), Hex.decode(v.input("pad")));

        assertThat(keyBlock).isEqualTo(v.expected("key_block"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void unwrapsThePublishedKeyBlockToThePublishedKeyAndHeader(Vector v) {
        String keyBlock = v.expected("key_block");
        Tr31KeyBlockProtectionKey kbpk = Tr31KeyBlockProtectionKey.of(KeyBlockVersion.ofCode(keyBlock.charAt(0)),
                Hex.decode(v.input("kbpk")));

        Tr31Unwrapping result = kbpk.unwrap(keyBlock);

        assertThat(result).isInstanceOf(Tr31Unwrapping.Unwrapped.class);
        Tr31Unwrapping.Unwrapped unwrapped = (Tr31Unwrapping.Unwrapped) result;
        assertThat(Hex.encode(unwrapped.key())).isEqualTo(v.input("key"));
        assertThat(unwrapped.header()).isEqualTo(Tr31Header.parse(v.input("header")));
        assertThat(unwrapped.header().keyAlgorithm().name()).isEqualTo(v.input("key_algorithm"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void unwrapsThePublishedKeyBlockWrittenInLowerCaseHex(Vector v) {
        Tr31Header header = Tr31Header.parse(v.input("header"));
        String published = v.expected("key_block");
        int headerLength = header.encodedLength();
        String lowerCaseBody = published.substring(0, headerLength)
                + published.substring(headerLength).toLowerCase(Locale.ROOT);

        Tr31Unwrapping result = Tr31KeyBlocks.unwrap(Hex.decode(v.input("kbpk")), lowerCaseBody);

        assertThat(result).isInstanceOfSatisfying(Tr31Unwrapping.Unwrapped.class,
                u -> assertThat(Hex.encode(u.key())).isEqualTo(v.input("key")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void conveniencesWrapAndUnwrapThePublishedKeyBlock(Vector v) {
        byte[] kbpk = Hex.decode(v.input("kbpk"));
        Tr31Header header = Tr31Header.parse(v.input("header"));

        String keyBlock = Tr31KeyBlocks.wrap(kbpk, header, Hex.decode(v.input("key")), Hex.decode(v.input("pad")));

        assertThat(keyBlock).isEqualTo(v.expected("key_block"));
        assertThat(Tr31KeyBlocks.unwrap(kbpk, keyBlock)).isInstanceOf(Tr31Unwrapping.Unwrapped.class);
    }

    static Stream<Vector> vectorsWithKcv() {
        return vectors().filter(v -> v.hasExpected("kcv"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorsWithKcv")
    void unwrappedKeyHasThePublishedCheckValue(Vector v) {
        Tr31Unwrapping.Unwrapped unwrapped = (Tr31Unwrapping.Unwrapped) Tr31KeyBlocks.unwrap(
                Hex.decode(v.input("kbpk")), v.expected("key_block"));
        String kcv = v.expected("kcv");

        assertThat(Hex.encode(checkValue(unwrapped.key(), v.input("key_algorithm")))).startsWith(kcv);
    }

    @Test
    void everyVersionHasPublishedVectors() {
        assertThat(vectors().map(Vector::algorithm).distinct())
                .containsExactlyInAnyOrder("TR-31 version A", "TR-31 version B", "TR-31 version C", "TR-31 version D");
    }

    private static byte[] checkValue(byte[] key, String algorithm) {
        if (algorithm.equals("AES")) {
            CMac cmac = new CMac(AESEngine.newInstance());
            cmac.init(new KeyParameter(key));
            cmac.update(new byte[16], 0, 16);
            byte[] out = new byte[16];
            cmac.doFinal(out, 0);
            return out;
        }
        return BlockCipherKey.des(key).encryptEcb(new byte[8]);
    }
}
