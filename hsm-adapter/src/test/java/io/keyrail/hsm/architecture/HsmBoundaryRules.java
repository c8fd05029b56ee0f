package io.keyrail.hsm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The HSM boundary as ArchUnit rules, shared with the services through this module's test jar:
 * only the adapter sees clear keys, so everything else compiles against {@code io.keyrail.hsm.api}.
 */
public final class HsmBoundaryRules {

    private HsmBoundaryRules() {
    }

    /** The API is pure vocabulary and interfaces: it reaches neither the crypto core nor a backend. */
    public static final ArchRule API_STANDS_ALONE = noClasses()
            .that().resideInAPackage("io.keyrail.hsm.api..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.keyrail.hsm.crypto..", "io.keyrail.hsm.software..", "org.bouncycastle..")
            .because("services compile against the API, which must not carry clear-key code");

    /** The crypto core does not know the backends built on it. */
    public static final ArchRule CRYPTO_DOES_NOT_KNOW_BACKENDS = noClasses()
            .that().resideInAPackage("io.keyrail.hsm.crypto..")
            .should().dependOnClassesThat().resideInAPackage("io.keyrail.hsm.software..");

    /**
     * Services use the API only. The one place a service may name the software backend is its
     * HSM wiring, a class in a package ending {@code .hsm} (for example {@code io.keyrail.rotation.hsm}),
     * and even that never touches the crypto core.
     */
    public static final ArchRule SERVICES_USE_THE_API_ONLY = noClasses()
            .that().resideOutsideOfPackages("io.keyrail.hsm..", "io.keyrail.cli..", "io.keyrail.benchmarks..")
            .should().dependOnClassesThat().resideInAnyPackage("io.keyrail.hsm.crypto..", "org.bouncycastle..")
            .orShould().dependOnClassesThat().resideInAPackage("io.keyrail.hsm.software..")
            .because("only the HSM adapter sees a clear key (DESIGN: key handling)");
}
