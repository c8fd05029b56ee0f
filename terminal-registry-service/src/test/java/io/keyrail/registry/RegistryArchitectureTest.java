package io.keyrail.registry;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.keyrail.hsm.architecture.HsmBoundaryRules;
import org.junit.jupiter.api.Test;

class RegistryArchitectureTest {

    private static final JavaClasses REGISTRY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.keyrail.registry");

    @Test
    void registryUsesTheHsmApiOnlyNeverTheCryptoCoreOrABackend() {
        HsmBoundaryRules.SERVICES_USE_THE_API_ONLY.check(REGISTRY);
    }
}
