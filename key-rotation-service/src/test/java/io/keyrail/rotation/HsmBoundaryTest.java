package io.keyrail.rotation;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.keyrail.hsm.architecture.HsmBoundaryRules;
import org.junit.jupiter.api.Test;

class HsmBoundaryTest {

    /** The service's own classes; its tests open field 62 with the crypto core, as a terminal would. */
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.keyrail.rotation");

    @Test
    void serviceUsesTheHsmApiOnly() {
        HsmBoundaryRules.SERVICES_USE_THE_API_ONLY.check(SERVICE);
    }
}
