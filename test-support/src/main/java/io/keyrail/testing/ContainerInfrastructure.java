package io.keyrail.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Kafka (apache/kafka, KRaft) and PostgreSQL in containers, for machines with a Docker engine. */
final class ContainerInfrastructure implements TestInfrastructure {

    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
    private final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");
    private final Set<String> databases = ConcurrentHashMap.newKeySet();

    ContainerInfrastructure() {
        kafka.start();
        postgres.start();
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String jdbcUrl(String name) {
        if (databases.add(name)) {
            try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
                    postgres.getPassword()); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) {
                    throw new IllegalStateException("cannot create database " + name, e);
                }
            }
        }
        return postgres.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    @Override
    public String jdbcUser() {
        return postgres.getUsername();
    }

    @Override
    public String jdbcPassword() {
        return postgres.getPassword();
    }
}
