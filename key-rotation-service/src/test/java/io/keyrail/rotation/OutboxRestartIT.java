package io.keyrail.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keyrail.events.CloudEventHeaders;
import io.keyrail.events.EventJson;
import io.keyrail.events.EventType;
import io.keyrail.events.Topics;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.testing.EventCollector;
import io.keyrail.testing.ServiceTestProperties;
import io.keyrail.testing.TestInfrastructure;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox across a crash: a service instance commits a sign-in whose events cannot reach Kafka
 * (its producer points at a port where no broker listens, as if the broker were unreachable when
 * the instance died), and the instance stops with them unpublished. A new instance on the same
 * database publishes them, with the ids they were committed with.
 */
class OutboxRestartIT {

    private static final String DATABASE = "key_rotation_outbox";

    @Test
    void eventsCommittedButNotPublishedBeforeACrashArePublishedAfterTheRestart() {
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        String terminalId = RegistryFixture.newTerminalId();
        List<String> committedIds;
        try (EventCollector published = new EventCollector(bootstrap, List.of(Topics.KEYS, Topics.KEY_MATERIAL))) {

            try (ConfigurableApplicationContext crashing = start(Map.of(
                    "spring.kafka.producer.bootstrap-servers", "127.0.0.1:9",
                    "spring.kafka.producer.properties.max.block.ms", "500",
                    "spring.kafka.producer.properties.reconnect.backoff.max.ms", "500"))) {
                JdbcTemplate jdbc = crashing.getBean(JdbcTemplate.class);
                seedTerminal(jdbc, terminalId);

                HttpCalls.Reply reply = new HttpCalls(port(crashing)).post("/v1/terminals/" + terminalId + "/sign-in",
                        ServiceTestProperties.token("posp-1", "POSP"), "{\"mode\":\"003\"}");
                assertThat(reply.status()).isEqualTo(200);

                committedIds = await().atMost(Duration.ofSeconds(30)).until(() -> incompleteEventIds(jdbc, terminalId),
                        ids -> ids.size() == 4);
            }
            assertThat(published.forKey(terminalId)).as("nothing reached Kafka before the crash").isEmpty();

            try (ConfigurableApplicationContext restarted = start(Map.of())) {
                JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    List<String> ids = published.matching(r -> r.key() != null && r.key().contains(terminalId)
                                    && EventType.Source.KEY_ROTATION.equals(r.headers().get(CloudEventHeaders.SOURCE)))
                            .stream().map(EventCollector.Received::ceId).toList();
                    assertThat(ids).containsExactlyInAnyOrderElementsOf(committedIds);
                });
                await().atMost(Duration.ofSeconds(30)).until(() -> incompleteEventIds(jdbc, terminalId).isEmpty());
            }
        }
    }

    /**
     * The projection row the registry's events would have built (consuming is proven elsewhere;
     * these instances do not consume, so that nothing but the outbox needs the producer).
     */
    private static void seedTerminal(JdbcTemplate jdbc, String terminalId) {
        TestMasterKeys.MasterKey tmk = TestMasterKeys.create(KeyScheme.TDES_2KEY);
        jdbc.update("INSERT INTO terminal (terminal_id, merchant_id, status, key_scheme, tmk_key_block, tmk_lmk_id, "
                        + "tmk_version, tmk_check_value, updated_at) VALUES (?, ?, 'AWAITING_SIGN_IN', 'TDES_2KEY', ?, ?, 1, ?, now())",
                terminalId, RegistryFixture.newMerchantId(), tmk.keyBlock().value(), tmk.keyBlock().lmkId(), tmk.checkValue());
    }

    /** The ids of the terminal's events in incomplete publications (a row holds one event, or a batch of them). */
    private static List<String> incompleteEventIds(JdbcTemplate jdbc, String terminalId) {
        return jdbc.queryForList("SELECT serialized_event FROM event_publication WHERE completion_date IS NULL",
                        String.class).stream()
                .map(json -> EventJson.tree(RegistryFixture.utf8(json)))
                .flatMap(row -> row.has("events")
                        ? row.get("events").valueStream().map(entry -> entry.path("data"))
                        : Stream.of(row))
                .filter(event -> terminalId.equals(event.path("terminalId").asString()))
                .map(event -> event.path("eventId").asString())
                .toList();
    }

    private static ConfigurableApplicationContext start(Map<String, String> overrides) {
        Map<String, Object> properties = new HashMap<>();
        ServiceTestProperties.register((name, value) -> properties.put(name, value.get()), DATABASE);
        properties.put("spring.config.name", KeyRotationApplication.CONFIG_NAME);
        properties.put("server.port", "0");
        properties.put("spring.kafka.listener.auto-startup", "false");
        properties.putAll(overrides);
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(KeyRotationApplication.class).run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
