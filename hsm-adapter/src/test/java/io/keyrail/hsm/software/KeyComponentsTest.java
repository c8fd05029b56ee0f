package io.keyrail.hsm.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.hsm.api.key.CheckedComponent;
import io.keyrail.hsm.api.key.ClearKeyAccess;
import io.keyrail.hsm.api.key.ComponentFormation;
import io.keyrail.hsm.api.key.ComponentRelease;
import io.keyrail.hsm.api.key.GeneratedKey;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyComponent;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.vectors.KnownAnswerVectors.Vector;
import io.keyrail.hsm.vectors.KnownAnswerVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dual control (ISO 11568-2): keys generated as, and formed from, 2 or 3 clear components. */
class KeyComponentsTest {

    private static final KnownLmkHsm HSM = new KnownLmkHsm();
    private static final ClearKeyAccess CEREMONY = ClearKeyAccess.custodianCeremony();

    static Stream<Arguments> schemesAndCounts() {
        return Stream.of(KeyScheme.values()).flatMap(s -> Stream.of(Arguments.of(s, 2), Arguments.of(s, 3)));
    }

    @ParameterizedTest(name = "{0}, {1} components")
    @MethodSource("schemesAndCounts")
    void releasesComponentsWhoseXorIsTheKeyInsideTheBlock(KeyScheme scheme, int count) {
        ComponentRelease release = HSM.hsm().keyComponents().generateComponents(KeyType.ZMK, scheme, count);

        assertThat(release.components()).hasSize(count);
        byte[] xor = new byte[scheme.length()];
        for (CheckedComponent c : release.components()) {
            byte[] bytes = c.component().bytes(CEREMONY);
            assertThat(bytes).hasSize(scheme.length());
            assertThat(c.checkValue()).isEqualTo(KnownLmkHsm.checkValue(scheme.algorithm(), bytes));
            xor = KnownLmkHsm.xor(xor, bytes);
        }
        byte[] inside = HSM.clearKey(release.key().keyBlock());
        assertThat(inside).isEqualTo(KnownLmkHsm.withParity(scheme, xor));
        assertThat(release.key().checkValue()).isEqualTo(KnownLmkHsm.checkValue(scheme.algorithm(), inside));
        assertThat(release.key().keyBlock().usage()).isEqualTo(KeyType.ZMK.usage());
    }

    @Test
    void releasesDifferentComponentsEachTime() {
        ComponentRelease first = HSM.hsm().keyComponents().generateComponents(KeyType.ZMK, KeyScheme.TDES_2KEY, 2);
        ComponentRelease second = HSM.hsm().keyComponents().generateComponents(KeyType.ZMK, KeyScheme.TDES_2KEY, 2);

        assertThat(first.components().get(0).component().sameAs(second.components().get(0).component())).isFalse();
        assertThat(first.components().get(0).component().sameAs(first.components().get(1).component())).isFalse();
    }

    @ParameterizedTest(name = "{0}, {1} components")
    @MethodSource("schemesAndCounts")
    void formsTheXorOfComponentsWhoseCheckValuesMatch(KeyScheme scheme, int count) {
        List<CheckedComponent> components = Stream.generate(() -> KnownLmkHsm.component(scheme, KnownLmkHsm.randomKey(scheme)))
                .limit(count).toList();

        ComponentFormation formation = HSM.hsm().keyComponents().formFromComponents(KeyType.TMK, scheme, components);

        assertThat(formation).isInstanceOf(ComponentFormation.Formed.class);
        GeneratedKey key = ((ComponentFormation.Formed) formation).key();
        byte[] xor = new byte[scheme.length()];
        for (CheckedComponent c : components) {
            xor = KnownLmkHsm.xor(xor, c.component().bytes(CEREMONY));
        }
        assertThat(HSM.clearKey(key.keyBlock())).isEqualTo(KnownLmkHsm.withParity(scheme, xor));
        assertThat(key.type()).isEqualTo(KeyType.TMK);
        assertThat(key.checkValue()).isEqualTo(KnownLmkHsm.checkValue(scheme.algorithm(), HSM.clearKey(key.keyBlock())));
    }

    @ParameterizedTest(name = "component {0} of 3")
    @ValueSource(ints = {1, 2, 3})
    void formsNothingWhenOneComponentDoesNotMatchItsCheckValue(int wrong) {
        KeyScheme scheme = KeyScheme.TDES_2KEY;
        List<CheckedComponent> components = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            CheckedComponent c = KnownLmkHsm.component(scheme, KnownLmkHsm.randomKey(scheme));
            components.add(i != wrong ? c : new CheckedComponent(c.component(),
                    KnownLmkHsm.checkValue(KeyAlgorithm.TDES, KnownLmkHsm.randomKey(scheme))));
        }

        assertThat(HSM.hsm().keyComponents().formFromComponents(KeyType.ZMK, scheme, components))
                .isEqualTo(new ComponentFormation.ComponentCheckValueMismatch(wrong));
    }

    @Test
    void comparesAShortenedCheckValueOnItsOwnLength() {
        KeyScheme scheme = KeyScheme.AES_256;
        List<CheckedComponent> components = Stream.generate(() -> KnownLmkHsm.component(scheme, KnownLmkHsm.randomKey(scheme)))
                .limit(2).map(c -> new CheckedComponent(c.component(), c.checkValue().truncate(3))).toList();

        assertThat(HSM.hsm().keyComponents().formFromComponents(KeyType.ZPK, scheme, components))
                .isInstanceOf(ComponentFormation.Formed.class);
    }

    static Stream<Vector> publishedKeys() {
        return KnownAnswerVectors.of("kcv", "DES-KCV", "TDES-KCV", "AES-KCV-CMAC");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedKeys")
    void formsAPublishedKeyWithItsPublishedCheckValue(Vector v) {
        byte[] clear = Hex.decode(v.input("key"));
        KeyScheme scheme = KeyScheme.of(v.algorithm().startsWith("AES") ? KeyAlgorithm.AES
                : clear.length == 8 ? KeyAlgorithm.DES : KeyAlgorithm.TDES, clear.length);

        GeneratedKey key = HSM.known(KeyType.ZMK, scheme, clear);

        KeyCheckValue published = new KeyCheckValue(v.expected("kcv"));
        assertThat(key.checkValue().truncate(published.length())).isEqualTo(published);
    }

    @ParameterizedTest(name = "{0} components")
    @ValueSource(ints = {0, 1, 4})
    void refusesToGenerateOtherThanTwoOrThreeComponents(int count) {
        assertThatThrownBy(() -> HSM.hsm().keyComponents().generateComponents(KeyType.ZMK, KeyScheme.TDES_2KEY, count))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a key is formed from 2 or 3 components, not " + count);
    }

    static Stream<Arguments> badFormations() {
        KeyScheme tdes = KeyScheme.TDES_2KEY;
        CheckedComponent good = KnownLmkHsm.component(tdes, KnownLmkHsm.randomKey(tdes));
        CheckedComponent shortOne = KnownLmkHsm.component(KeyScheme.DES_SINGLE, KnownLmkHsm.randomKey(KeyScheme.DES_SINGLE));
        CheckedComponent longCheck = new CheckedComponent(good.component(), new KeyCheckValue("00112233445566778899"));
        return Stream.of(
                Arguments.of(List.of(good), "a key is formed from 2 or 3 components, not 1"),
                Arguments.of(List.of(good, good, good, good), "a key is formed from 2 or 3 components, not 4"),
                Arguments.of(List.of(good, shortOne), "component 2 must be 16 bytes for TDES_2KEY, not 8"),
                Arguments.of(List.of(longCheck, good), "check value length must be 1 to 8 bytes, not 10"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badFormations")
    void refusesComponentsThatCannotFormAKey(List<CheckedComponent> components, String message) {
        assertThatThrownBy(() -> HSM.hsm().keyComponents().formFromComponents(KeyType.ZMK, KeyScheme.TDES_2KEY, components))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @EnumSource(KeyScheme.class)
    void componentsNeverShowTheirBytesInText(KeyScheme scheme) {
        ComponentRelease release = HSM.hsm().keyComponents().generateComponents(KeyType.ZMK, scheme, 2);

        String text = release.toString();
        for (CheckedComponent c : release.components()) {
            assertThat(text).doesNotContain(c.component().hex(CEREMONY));
            assertThat(c.component()).hasToString("KeyComponent[" + scheme.length() + " bytes]");
        }
        assertThat(text).doesNotContain(Hex.encode(HSM.clearKey(release.key().keyBlock())));
        assertThat(KeyComponent.ofHex("00112233445566778899AABBCCDDEEFF", CEREMONY).toString())
                .isEqualTo("KeyComponent[16 bytes]");
    }
}
