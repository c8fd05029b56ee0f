package io.keyrail.registry;

import io.keyrail.testing.ServiceTestProperties;
import io.keyrail.testing.TestInfrastructure;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context every integration test class shares (same configuration, so the context
 * cache starts it once): the service on a random port against the real Kafka broker and PostgreSQL
 * of {@link TestInfrastructure}.
 */
@SpringBootTest(classes = TerminalRegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + TerminalRegistryApplication.CONFIG_NAME)
public abstract class RegistryIntegrationTest {

    public static final String DATABASE = "terminal_registry";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    @LocalServerPort
    protected int port;

    protected RegistryApi api;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register(registry, DATABASE);
    }

    @BeforeEach
    void api() {
        api = new RegistryApi("http://127.0.0.1:" + port);
    }

    protected static String bootstrapServers() {
        return TestInfrastructure.get().kafkaBootstrapServers();
    }

    /** A fresh terminal id: 8 random letters and digits, so tests sharing the database never collide. */
    public static String terminalId() {
        return random(8);
    }

    public static String merchantId() {
        return random(15);
    }

    private static String random(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
