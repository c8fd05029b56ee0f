package io.keyrail.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keyrail.events.Topics;
import io.keyrail.support.events.KafkaEventRelay;
import io.keyrail.testing.EventCollector;
import io.keyrail.testing.ServiceTestProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Events committed with their change but not published before the service went down are published
 * after it restarts. The first run's Kafka is a port nobody listens on, so nothing it commits can
 * reach the broker; the second run, against the real broker and the same database, publishes what
 * the first left in the outbox. Both runs have their own database, apart from the shared test
 * context's.
 */
class OutboxRecoveryIT {

    private static final String DATABASE = "terminal_registry_outbox";

    @Test
    void eventsCommittedButNotPublishedBeforeAShutdownArePublishedAfterTheRestart() {
        List<String> ids = new ArrayList<>();
        try (ConfigurableApplicationContext down = start(unreachableKafka())) {
            RegistryApi api = api(down);
            for (int i = 0; i < 3; i++) {
                String id = RegistryIntegrationTest.terminalId();
                ids.add(id);
                assertThat(api.post("/v1/terminals", RegistryApi.operator(),
                        TerminalLifecycleIT.terminal(id, RegistryIntegrationTest.merchantId())).status()).isEqualTo(201);
            }
            String merchant = RegistryIntegrationTest.merchantId();
            List<Map<String, Object>> bulk = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String id = RegistryIntegrationTest.terminalId();
                ids.add(id);
                bulk.add(TerminalLifecycleIT.terminal(id, merchant));
            }
            assertThat(api.post("/v1/terminals/bulk", RegistryApi.operator(), bulk).status()).isEqualTo(200);
            JdbcTemplate jdbc = down.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from event_publication where completion_date is null and status = 'FAILED'",
                    Long.class) >= 5);
            assertThat(jdbc.queryForList("select distinct listener_id from event_publication", String.class))
                    .containsExactly(KafkaEventRelay.LISTENER_ID);
        }

        try (EventCollector events = new EventCollector(RegistryIntegrationTest.bootstrapServers(),
                List.of(Topics.TERMINALS));
             ConfigurableApplicationContext restarted = start(RegistryIntegrationTest.bootstrapServers())) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> ids.stream().allMatch(id -> events.forKey(id).size() == 1));
            assertThat(ids).allSatisfy(id -> assertThat(events.forKey(id).getFirst().schemaErrors()).isEmpty());
            JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from event_publication", Long.class) == 0);
        }
    }

    private static ConfigurableApplicationContext start(String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>();
        ServiceTestProperties.register((name, value) -> properties.put(name, value.get()), DATABASE);
        properties.put("spring.config.name", TerminalRegistryApplication.CONFIG_NAME);
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        properties.put("spring.kafka.producer.properties.max.block.ms", "1000");
        properties.put("spring.kafka.admin.auto-create", "false");
        properties.put("spring.kafka.listener.auto-startup", "false");
        properties.put("server.port", "0");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(TerminalRegistryApplication.class).run(args);
    }

    private static RegistryApi api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new RegistryApi("http://127.0.0.1:" + port);
    }

    /** A local port with nothing listening on it. */
    private static String unreachableKafka() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
