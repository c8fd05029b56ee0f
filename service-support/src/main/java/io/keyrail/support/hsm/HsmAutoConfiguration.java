package io.keyrail.support.hsm;

import io.keyrail.hsm.api.key.ComponentCustody;
import io.keyrail.hsm.api.key.KeyCheckValues;
import io.keyrail.hsm.api.key.KeyComponents;
import io.keyrail.hsm.api.key.KeyExport;
import io.keyrail.hsm.api.key.KeyGeneration;
import io.keyrail.hsm.api.key.KeyImport;
import io.keyrail.hsm.api.key.LmkRotation;
import io.keyrail.hsm.api.key.WorkingKeyIssuance;
import io.keyrail.hsm.api.mac.MacGeneration;
import io.keyrail.hsm.api.mac.MacVerification;
import io.keyrail.hsm.api.pin.PinTranslation;
import io.keyrail.hsm.software.LmkRing;
import io.keyrail.hsm.software.SoftwareHsm;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Wires the software HSM (the default backend) and exposes each capability as its own bean, so a
 * service injects only what it needs. Fails at start-up, with a message saying what to configure,
 * when no LMK is configured.
 */
@AutoConfiguration
@EnableConfigurationProperties(HsmProperties.class)
public class HsmAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SoftwareHsm softwareHsm(HsmProperties properties) {
        return SoftwareHsm.create(lmkRing(properties), properties.cacheSizeOrDefault());
    }

    static LmkRing lmkRing(HsmProperties p) {
        if (p.lmkKeystore() != null) {
            char[] password = p.lmkPassword() == null ? new char[0] : p.lmkPassword().toCharArray();
            return LmkRing.fromPkcs12(p.lmkKeystore(), password, p.currentLmk());
        }
        if (p.lmks() != null && !p.lmks().isBlank()) {
            return LmkRing.fromEnvironment(p.currentLmk() == null
                    ? Map.of(LmkRing.LMKS_VARIABLE, p.lmks())
                    : Map.of(LmkRing.LMKS_VARIABLE, p.lmks(), LmkRing.CURRENT_VARIABLE, p.currentLmk()));
        }
        throw new IllegalStateException("no LMK configured: set keyrail.hsm.lmk-keystore and keyrail.hsm.lmk-password "
                + "(a PKCS#12 keystore), or KEYRAIL_HSM_LMKS=id=hex (an environment secret)");
    }

    @Bean
    KeyGeneration keyGeneration(SoftwareHsm hsm) {
        return hsm.keyGeneration();
    }

    @Bean
    WorkingKeyIssuance workingKeyIssuance(SoftwareHsm hsm) {
        return hsm.workingKeyIssuance();
    }

    @Bean
    KeyComponents keyComponents(SoftwareHsm hsm) {
        return hsm.keyComponents();
    }

    @Bean
    ComponentCustody componentCustody(SoftwareHsm hsm) {
        return hsm.componentCustody();
    }

    @Bean
    KeyCheckValues keyCheckValues(SoftwareHsm hsm) {
        return hsm.keyCheckValues();
    }

    @Bean
    KeyImport keyImport(SoftwareHsm hsm) {
        return hsm.keyImport();
    }

    @Bean
    KeyExport keyExport(SoftwareHsm hsm) {
        return hsm.keyExport();
    }

    @Bean
    LmkRotation lmkRotation(SoftwareHsm hsm) {
        return hsm.lmkRotation();
    }

    @Bean
    PinTranslation pinTranslation(SoftwareHsm hsm) {
        return hsm.pinTranslation();
    }

    @Bean
    MacGeneration macGeneration(SoftwareHsm hsm) {
        return hsm.macGeneration();
    }

    @Bean
    MacVerification macVerification(SoftwareHsm hsm) {
        return hsm.macVerification();
    }
}
