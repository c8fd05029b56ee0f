package io.keyrail.hsm.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.hsm.api.KeyBlockRejectedException;
import io.keyrail.hsm.api.key.CheckedComponent;
import io.keyrail.hsm.api.key.ClearKeyAccess;
import io.keyrail.hsm.api.key.ComponentCustody;
import io.keyrail.hsm.api.key.ComponentFormation;
import io.keyrail.hsm.api.key.ComponentRelease;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyCheckValueMethod;
import io.keyrail.hsm.api.key.KeyComponent;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.key.SealedComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class SoftwareComponentCustodyTest {

    private static final ClearKeyAccess CUSTODIAN = ClearKeyAccess.custodianCeremony();

    private final SoftwareHsm hsm = SoftwareHsm.create(LmkRing.ephemeral("lmk-custody"));
    private final ComponentCustody custody = hsm.componentCustody();

    @ParameterizedTest
    @EnumSource(value = KeyScheme.class, names = {"DES_SINGLE", "TDES_2KEY", "TDES_3KEY", "AES_128", "AES_256"})
    void releasesEachSealedComponentUnchangedWithItsCheckValue(KeyScheme scheme) {
        ComponentRelease release = hsm.keyComponents().generateComponents(KeyType.TMK, scheme, 3);
        List<CheckedComponent> released = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            CheckedComponent original = release.components().get(n - 1);
            SealedComponent sealed = custody.seal(KeyType.TMK, scheme, n, original);
            CheckedComponent back = custody.release(sealed, CUSTODIAN);
            assertThat(back.component().sameAs(original.component())).isTrue();
            assertThat(back.checkValue()).isEqualTo(original.checkValue());
            released.add(back);
        }
        ComponentFormation formed = hsm.keyComponents().formFromComponents(KeyType.TMK, scheme, released);
        assertThat(formed).isInstanceOfSatisfying(ComponentFormation.Formed.class,
                f -> assertThat(f.key().checkValue()).isEqualTo(release.key().checkValue()));
    }

    @Test
    void sealsUnderTheCurrentLmkAsAComponentThatCannotBeExported() {
        CheckedComponent component = generatedComponent(KeyScheme.TDES_2KEY);
        SealedComponent sealed = custody.seal(KeyType.TMK, KeyScheme.TDES_2KEY, 2, component);
        assertThat(sealed.keyBlock().lmkId()).isEqualTo("lmk-custody");
        assertThat(sealed.keyBlock().header()).startsWith("D").contains("K0TBc2N");
    }

    @Test
    void refusesASealedComponentAsAKeyForAnyOperation() {
        SealedComponent sealed = custody.seal(KeyType.TMK, KeyScheme.TDES_2KEY, 1, generatedComponent(KeyScheme.TDES_2KEY));
        assertThatThrownBy(() -> hsm.keyCheckValues().checkValue(sealed.keyBlock(), KeyCheckValueMethod.ZEROS, 3))
                .isInstanceOf(KeyBlockRejectedException.class)
                .hasMessageContaining("holds a key component");
        KeyBlock tmk = hsm.keyGeneration().generate(KeyType.TMK, KeyScheme.TDES_2KEY).keyBlock();
        assertThatThrownBy(() -> hsm.keyExport().exportCryptogram(tmk, sealed.keyBlock()))
                .isInstanceOf(KeyBlockRejectedException.class);
    }

    @Test
    void refusesToReleaseAnOrdinaryKeyBlock() {
        KeyBlock key = hsm.keyGeneration().generate(KeyType.TMK, KeyScheme.TDES_2KEY).keyBlock();
        assertThatThrownBy(() -> new SealedComponent(1, key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key block does not hold component 1 (its key version field must read c1)");
    }

    @Test
    void refusesToReleaseAComponentSealedUnderAnotherHsmsLmk() {
        SealedComponent sealed = custody.seal(KeyType.TMK, KeyScheme.TDES_2KEY, 1, generatedComponent(KeyScheme.TDES_2KEY));
        ComponentCustody other = SoftwareHsm.create(LmkRing.ephemeral("lmk-custody")).componentCustody();
        assertThatThrownBy(() -> other.release(sealed, CUSTODIAN))
                .isInstanceOf(KeyBlockRejectedException.class)
                .hasMessageContaining("fails its integrity check");
    }

    @Test
    void refusesToSealAComponentThatDoesNotMatchItsCheckValue() {
        CheckedComponent component = generatedComponent(KeyScheme.TDES_2KEY);
        CheckedComponent wrong = new CheckedComponent(component.component(), new KeyCheckValue("000000"));
        assertThatThrownBy(() -> custody.seal(KeyType.TMK, KeyScheme.TDES_2KEY, 1, wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("component 1 does not match its check value");
    }

    @Test
    void refusesToSealAComponentOfTheWrongLength() {
        CheckedComponent component = generatedComponent(KeyScheme.DES_SINGLE);
        assertThatThrownBy(() -> custody.seal(KeyType.TMK, KeyScheme.TDES_2KEY, 1, component))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("component 1 must be 16 bytes for TDES_2KEY, not 8");
    }

    @Test
    void showsNeitherTheComponentNorTheEncryptedBodyInText() {
        CheckedComponent component = generatedComponent(KeyScheme.TDES_2KEY);
        SealedComponent sealed = custody.seal(KeyType.TMK, KeyScheme.TDES_2KEY, 1, component);
        String text = sealed.toString();
        assertThat(text).doesNotContain(component.component().hex(CUSTODIAN))
                .doesNotContain(sealed.keyBlock().value().substring(16));
        assertThat(KeyComponent.ofHex("00", CUSTODIAN).toString()).isEqualTo("KeyComponent[1 bytes]");
    }

    private CheckedComponent generatedComponent(KeyScheme scheme) {
        return hsm.keyComponents().generateComponents(KeyType.TMK, scheme, 2).components().getFirst();
    }
}
