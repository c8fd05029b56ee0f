package io.keyrail.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The readiness check against a real KRaft broker, and against an address where none answers. */
class KafkaHealthIndicatorTest {

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void isUpWithTheClusterIdAndItsBrokersWhenTheClusterAnswers() {
        try (KafkaHealthIndicator indicator = indicator(broker.getBrokersAsString())) {
            Health health = indicator.health(true);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("nodes", 1);
            assertThat((String) health.getDetails().get("clusterId")).isNotBlank();
        }
    }

    @Test
    void isDownWhenNoBrokerAnswersWithinItsTimeout() throws IOException {
        try (KafkaHealthIndicator indicator = indicator("127.0.0.1:" + unusedPort())) {
            Health health = indicator.health(true);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).doesNotContainKeys("clusterId", "nodes");
        }
    }

    private static KafkaHealthIndicator indicator(String bootstrapServers) {
        return new KafkaHealthIndicator(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), "test-health");
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
