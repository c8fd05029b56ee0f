package io.keyrail.registry;

import static io.keyrail.registry.RegistryApi.custodian;
import static io.keyrail.registry.RegistryApi.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keyrail.events.Topics;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.testing.CapturedLogs;
import io.keyrail.testing.EventCollector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class MasterKeyComponentsIT extends RegistryIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private EventCollector events;
    private CapturedLogs logs;

    @BeforeEach
    void subscribe() {
        events = new EventCollector(bootstrapServers(), List.of(Topics.TERMINALS, Topics.KEY_MATERIAL));
        logs = CapturedLogs.attach();
    }

    @AfterEach
    void unsubscribe() {
        events.close();
        logs.close();
    }

    private String registered() {
        String id = terminalId();
        assertThat(api.post("/v1/terminals", operator(), TerminalLifecycleIT.terminal(id, merchantId())).status())
                .isEqualTo(201);
        return id;
    }

    @Test
    void releasesEachComponentOnceToItsOwnCustodianAndTheirXorHasTheCombinedCheckValue() {
        String id = registered();

        RegistryApi.Response installed = api.post("/v1/terminals/" + id + "/master-key/components", operator(),
                Map.of("custodians", List.of("alice", "bob", "carol")));

        assertThat(installed.status()).isEqualTo(201);
        String combined = installed.string("checkValue");
        assertThat(installed.body().path("version").asInt()).isEqualTo(1);
        assertThat(api.get("/v1/terminals/" + id, operator()).string("status")).isEqualTo("AWAITING_SIGN_IN");

        List<byte[]> fetched = new ArrayList<>();
        String[] names = {"alice", "bob", "carol"};
        for (int n = 1; n <= 3; n++) {
            RegistryApi.Response c = api.get("/v1/terminals/" + id + "/master-key/components/" + n, custodian(names[n - 1]));
            assertThat(c.status()).isEqualTo(200);
            byte[] component = TestKeys.bytes(c.string("component"));
            assertThat(c.string("checkValue")).isEqualTo(TestKeys.kcv(KeyAlgorithm.TDES, component));
            fetched.add(component);
        }
        assertThat(TestKeys.kcv(KeyAlgorithm.TDES, TestKeys.combine(KeyAlgorithm.TDES, fetched))).isEqualTo(combined);
        assertThat(jdbc.queryForObject("select count(*) from master_key_component where terminal_id = ?"
                + " and sealed_block is not null", Long.class, id)).isZero();
        assertThat(logs.linesContaining(fetched.stream().map(TestKeys::hex).toList())).isEmpty();

        await().atMost(Duration.ofSeconds(20)).until(() -> events.forKey(id).size() == 3
                && events.forKey("terminal/" + id + "/TMK").size() == 1);
        List<EventCollector.Received> terminalEvents = events.forKey(id);
        assertThat(terminalEvents).extracting(EventCollector.Received::ceType).containsExactly(
                "io.keyrail.terminal.registered.v1", "io.keyrail.terminal.master-key-installed.v1",
                "io.keyrail.terminal.status-changed.v1");
        assertThat(terminalEvents).allSatisfy(e -> assertThat(e.schemaErrors()).isEmpty());
        JsonNode installedEvent = RegistryApi.JSON.readTree(terminalEvents.get(1).json());
        assertThat(installedEvent.path("checkValue").asString()).isEqualTo(combined);
        assertThat(installedEvent.path("method").asString()).isEqualTo("COMPONENTS");
        JsonNode statusEvent = RegistryApi.JSON.readTree(terminalEvents.get(2).json());
        assertThat(statusEvent.path("previousStatus").asString()).isEqualTo("REGISTERED");
        assertThat(statusEvent.path("status").asString()).isEqualTo("AWAITING_SIGN_IN");
        EventCollector.Received material = events.forKey("terminal/" + id + "/TMK").getFirst();
        assertThat(material.schemaErrors()).isEmpty();
        assertThat(material.headers()).containsEntry("ce_source", "/keyrail/terminal-registry");
        JsonNode tmk = RegistryApi.JSON.readTree(material.json());
        assertThat(tmk.path("keyType").asString()).isEqualTo("TMK");
        assertThat(tmk.path("state").asString()).isEqualTo("ACTIVE");
        assertThat(tmk.path("checkValue").asString()).isEqualTo(combined);
        assertThat(tmk.path("keyBlock").asString()).startsWith("D").contains("K0TB");
    }

    @Test
    void refusesASecondFetchAndAFetchByAnyoneButTheNamedCustodian() {
        String id = registered();
        api.post("/v1/terminals/" + id + "/master-key/components", operator(), Map.of("custodians", List.of("dan", "eve")));
        String path = "/v1/terminals/" + id + "/master-key/components/";

        assertThat(api.get(path + "1", custodian("dan")).status()).isEqualTo(200);
        assertThat(api.get(path + "1", custodian("dan")).status()).isEqualTo(409);
        assertThat(api.get(path + "2", custodian("dan")).status()).isEqualTo(403);
        assertThat(api.get(path + "2", custodian("mallory")).status()).isEqualTo(403);
        assertThat(api.get(path + "2", operator()).status()).isEqualTo(403);
        assertThat(api.get(path + "3", custodian("eve")).status()).isEqualTo(404);
        assertThat(api.get(path + "2", custodian("eve")).status()).isEqualTo(200);
    }

    @Test
    void refusesOnePersonNamedForTwoComponentsAndTerminalsThatCannotTakeAKey() {
        String id = registered();
        assertThat(api.post("/v1/terminals/" + id + "/master-key/components", operator(),
                Map.of("custodians", List.of("frank", "frank"))).status()).isEqualTo(400);
        assertThat(api.post("/v1/terminals/" + id + "/master-key/components", operator(),
                Map.of("custodians", List.of("frank"))).status()).isEqualTo(400);
        api.post("/v1/terminals/" + id + "/suspend", operator(), Map.of());
        assertThat(api.post("/v1/terminals/" + id + "/master-key/components", operator(),
                Map.of("custodians", List.of("frank", "grace"))).status()).isEqualTo(409);
        assertThat(api.post("/v1/terminals/NOSUCH00/master-key/components", operator(),
                Map.of("custodians", List.of("frank", "grace"))).status()).isEqualTo(404);
    }

    @Test
    void decommissioningDestroysTheMasterKeyAndUnreleasedComponentsAndSaysSo() {
        String id = registered();
        api.post("/v1/terminals/" + id + "/master-key/components", operator(), Map.of("custodians", List.of("hal", "ida")));
        api.get("/v1/terminals/" + id + "/master-key/components/1", custodian("hal"));

        assertThat(api.post("/v1/terminals/" + id + "/decommission", operator(), Map.of()).string("status"))
                .isEqualTo("DECOMMISSIONED");

        assertThat(api.get("/v1/terminals/" + id + "/master-key/components/2", custodian("ida")).status()).isEqualTo(404);
        assertThat(api.get("/v1/terminals/" + id + "/master-key", operator()).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from terminal_master_key where terminal_id = ?", Long.class, id))
                .isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> events.forKey(id).size() == 5
                && events.forKey("terminal/" + id + "/TMK").size() == 2);
        assertThat(events.forKey(id).subList(3, 5)).extracting(EventCollector.Received::ceType).containsExactly(
                "io.keyrail.terminal.status-changed.v1", "io.keyrail.terminal.master-key-destroyed.v1");
        assertThat(events.forKey(id)).allSatisfy(e -> assertThat(e.schemaErrors()).isEmpty());
        JsonNode destroyed = RegistryApi.JSON.readTree(events.forKey("terminal/" + id + "/TMK").get(1).json());
        assertThat(destroyed.path("state").asString()).isEqualTo("DESTROYED");
    }
}
