package io.keyrail.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** An in-process Kafka broker (KRaft, the Apache Kafka test kit) and an embedded PostgreSQL. */
final class EmbeddedInfrastructure implements TestInfrastructure {

    private final EmbeddedKafkaKraftBroker kafka;
    private final EmbeddedPostgres postgres;
    private final Set<String> databases = ConcurrentHashMap.newKeySet();

    EmbeddedInfrastructure() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();
        try {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "keyrail-test-infrastructure-stop"));
    }

    private void stop() {
        kafka.destroy();
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the data directory is temporary
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public String jdbcUrl(String name) {
        if (databases.add(name)) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) {
                    throw new IllegalStateException("cannot create database " + name, e);
                }
            }
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    @Override
    public String jdbcUser() {
        return "postgres";
    }

    @Override
    public String jdbcPassword() {
        return "postgres";
    }
}
