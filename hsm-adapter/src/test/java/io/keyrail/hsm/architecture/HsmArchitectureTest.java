package io.keyrail.hsm.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class HsmArchitectureTest {

    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.keyrail.hsm");

    @Test
    void apiDependsOnNeitherTheCryptoCoreNorABackend() {
        HsmBoundaryRules.API_STANDS_ALONE.check(ADAPTER);
    }

    @Test
    void cryptoCoreDoesNotKnowTheBackends() {
        HsmBoundaryRules.CRYPTO_DOES_NOT_KNOW_BACKENDS.check(ADAPTER);
    }

    @Test
    void serviceRuleCatchesAServiceThatTouchesTheCryptoCore() {
        JavaClasses leaky = new ClassFileImporter().importPackages("io.keyrail.leakyservice");
        assertThat(leaky).isNotEmpty();
        assertThatThrownBy(() -> HsmBoundaryRules.SERVICES_USE_THE_API_ONLY.check(leaky))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyService");
    }
}
