package io.keyrail.testing;

import io.keyrail.support.security.LocalTokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What a service under test needs, the same for every service in one JVM: the real Kafka broker and
 * PostgreSQL of {@link TestInfrastructure}, one LMK made for this test run (never a constant in the
 * repository), and a local token issuer whose tokens the services accept.
 */
public final class ServiceTestProperties {

    /** This JVM's test LMK id. */
    public static final String LMK_ID = "lmk-test";
    private static final String LMK_HEX = randomLmk();
    private static final Path ISSUER_DIRECTORY = issuerDirectory();
    private static final LocalTokenIssuer ISSUER = LocalTokenIssuer.inDirectory(ISSUER_DIRECTORY);

    private ServiceTestProperties() {
    }

    /** Registers Kafka, the service's own database {@code database}, the LMK and the token issuer. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        registry.add("spring.datasource.url", () -> infrastructure.jdbcUrl(database));
        registry.add("spring.datasource.username", infrastructure::jdbcUser);
        registry.add("spring.datasource.password", infrastructure::jdbcPassword);
        registry.add("keyrail.hsm.lmks", () -> LMK_ID + "=" + LMK_HEX);
        registry.add("keyrail.security.local-issuer-public-key",
                () -> ISSUER_DIRECTORY.resolve(LocalTokenIssuer.PUBLIC_KEY_FILE).toString());
    }

    /** A bearer token for {@code user} with {@code roles}, valid for ten minutes. */
    public static String token(String user, String... roles) {
        return ISSUER.issue(user, List.of(roles), Duration.ofMinutes(10));
    }

    /** The test LMK's id and key, as {@code KEYRAIL_HSM_LMKS} takes them (for tests that open key blocks). */
    public static String lmks() {
        return LMK_ID + "=" + LMK_HEX;
    }

    private static String randomLmk() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().withUpperCase().formatHex(key);
    }

    private static Path issuerDirectory() {
        try {
            Path dir = Files.createTempDirectory("keyrail-test-issuer");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
