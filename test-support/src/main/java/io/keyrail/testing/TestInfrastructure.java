package io.keyrail.testing;

import java.util.Locale;

/**
 * The real Kafka broker and PostgreSQL server integration tests run against, started once per JVM.
 *
 * <p>With a Docker engine present, Testcontainers provides them; otherwise (as on the project's
 * machines) an in-process KRaft broker and an embedded PostgreSQL do. Set
 * {@code KEYRAIL_TEST_INFRASTRUCTURE=embedded|testcontainers} to choose explicitly.
 */
public interface TestInfrastructure {

    /** Kafka bootstrap servers, for example {@code 127.0.0.1:39092}. */
    String kafkaBootstrapServers();

    /** A JDBC URL of database {@code name}, created on first request. */
    String jdbcUrl(String name);

    String jdbcUser();

    String jdbcPassword();

    /** The shared infrastructure, started on first use and stopped when the JVM exits. */
    static TestInfrastructure get() {
        return Holder.INSTANCE;
    }

    /** Lazily started singleton. */
    final class Holder {
        private static final TestInfrastructure INSTANCE = start();

        private Holder() {
        }

        private static TestInfrastructure start() {
            String choice = System.getenv().getOrDefault("KEYRAIL_TEST_INFRASTRUCTURE", "auto").toLowerCase(Locale.ROOT);
            boolean containers = switch (choice) {
                case "testcontainers" -> true;
                case "embedded" -> false;
                default -> ContainerInfrastructure.dockerAvailable();
            };
            return containers ? new ContainerInfrastructure() : new EmbeddedInfrastructure();
        }
    }
}
