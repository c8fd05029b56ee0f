package io.keyrail.rotation.load;

import io.keyrail.support.security.LocalTokenIssuer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * What the sign-in load measurement runs against, on this machine: a real Kafka broker (KRaft, the
 * Apache Kafka test kit, in this JVM) and a real PostgreSQL server (a child process) with its
 * durable defaults (fsync and synchronous commit on, unlike the integration tests). Writes the
 * settings a service and {@link SignInLoad} need to {@code <dir>/load.env}, with a fresh LMK and
 * token issuer, and stops by itself after {@code --minutes} (default 30).
 *
 * <p>Not a test; {@code key-rotation-service/load/sign-in-load.sh} runs it (see docs/performance.md).
 */
public final class LoadInfrastructure {

    private LoadInfrastructure() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = SignInLoad.options(args);
        Path dir = Path.of(options.getOrDefault("dir", "target/load"));
        int kafkaPort = Integer.parseInt(options.getOrDefault("kafka-port", "19092"));
        int pgPort = Integer.parseInt(options.getOrDefault("pg-port", "15432"));
        Duration lifetime = Duration.ofMinutes(Long.parseLong(options.getOrDefault("minutes", "30")));
        Files.createDirectories(dir);

        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 6).kafkaPorts(kafkaPort);
        Map<String, String> brokerProperties = new HashMap<>(Map.of(
                "auto.create.topics.enable", "true",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0",
                "log.dirs", dir.resolve("kafka").toAbsolutePath().toString()));
        // -Dload.kafka.<setting>=<value> (INFRASTRUCTURE_JAVA_OPTS) sets or overrides a broker setting.
        brokerProperties.putAll(prefixed("load.kafka."));
        kafka.brokerProperties(brokerProperties);
        kafka.afterPropertiesSet();

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(pgPort)
                .setDataDirectory(dir.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "200")
                // In PostgreSQL's own log (<dir>/postgres-log): when checkpoints and autovacuum run, and
                // every statement over 10 ms (to explain stalls). The embedded server's output goes
                // through logging at INFO, which the load tools do not print.
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", dir.resolve("postgres-log").toAbsolutePath().toString())
                .setServerConfig("log_checkpoints", "on")
                .setServerConfig("log_autovacuum_min_duration", "0")
                .setServerConfig("log_min_duration_statement", "10")
                .setServerConfig("log_parameter_max_length", "0") // never the key blocks or events bound
                // Keep 1 GiB of WAL files for reuse (see the warm-up below).
                .setServerConfig("min_wal_size", "1GB")
                .setServerConfig("log_timezone", "UTC")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements");
        // -Dload.pg.<setting>=<value> (INFRASTRUCTURE_JAVA_OPTS) sets or overrides a server setting.
        prefixed("load.pg.").forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        // A running PostgreSQL reuses its WAL files; a new one creates and zero-fills a 16 MiB file
        // every few seconds of this load, and every commit then waits 60-110 ms (seen in its log).
        // So that a run measures the steady state, write about 1 GiB of WAL once and checkpoint:
        // the run then writes into recycled files, as a database that has been running does.
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE wal_warm_up AS SELECT repeat('x', 900) AS filler FROM generate_series(1, 1100000)");
            s.execute("DROP TABLE wal_warm_up");
            s.execute("CHECKPOINT");
        }
        for (String database : new String[] {"key_rotation", "terminal_registry"}) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            try (Connection c = postgres.getDatabase("postgres", database).getConnection();
                 Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION pg_stat_statements");
            }
        }

        byte[] lmk = new byte[32];
        new SecureRandom().nextBytes(lmk);
        Path issuer = dir.resolve("issuer").toAbsolutePath();
        LocalTokenIssuer.inDirectory(issuer);
        String env = String.join("\n",
                "KAFKA=" + kafka.getBrokersAsString(),
                "ROTATION_DB=jdbc:postgresql://127.0.0.1:" + pgPort + "/key_rotation",
                "REGISTRY_DB=jdbc:postgresql://127.0.0.1:" + pgPort + "/terminal_registry",
                "DB_USER=postgres",
                "DB_PASSWORD=postgres",
                "LMKS=lmk-load=" + HexFormat.of().withUpperCase().formatHex(lmk),
                "ISSUER_DIR=" + issuer,
                "ISSUER_PUBLIC_KEY=" + issuer.resolve(LocalTokenIssuer.PUBLIC_KEY_FILE),
                "");
        Path envFile = dir.resolve("load.env");
        Files.writeString(envFile, env);
        System.out.println("Kafka " + kafka.getBrokersAsString() + ", PostgreSQL 127.0.0.1:" + pgPort
                + "; settings in " + envFile.toAbsolutePath() + "; stopping in " + lifetime.toMinutes() + " min");
        System.out.flush();

        // Stay up for the bounded lifetime (or until the JVM is stopped), then stop everything.
        new java.util.concurrent.CountDownLatch(1).await(lifetime.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        kafka.destroy();
        try {
            postgres.close();
        } catch (IOException ignored) {
            // exiting anyway
        }
        System.exit(0);
    }

    /** The system properties named {@code prefix<name>}, by {@code <name>}. */
    private static Map<String, String> prefixed(String prefix) {
        Map<String, String> settings = new HashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith(prefix))
                .forEach(n -> settings.put(n.substring(prefix.length()), System.getProperty(n)));
        return settings;
    }
}
