package io.keyrail.registry;

import static io.keyrail.registry.RegistryApi.auditor;
import static io.keyrail.registry.RegistryApi.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keyrail.events.CloudEventHeaders;
import io.keyrail.events.Topics;
import io.keyrail.testing.EventCollector;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TerminalLifecycleIT extends RegistryIntegrationTest {

    private EventCollector events;

    @BeforeEach
    void subscribe() {
        events = new EventCollector(bootstrapServers(), List.of(Topics.TERMINALS));
    }

    @AfterEach
    void unsubscribe() {
        events.close();
    }

    static Map<String, Object> terminal(String terminalId, String merchantId) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("terminalId", terminalId);
        t.put("merchantId", merchantId);
        t.put("acquirerProfile", "cup-default");
        t.put("model", "PAX A920");
        t.put("location", "Shop 12, Nanjing Road");
        return t;
    }

    @Test
    void registersATerminalWithDoubleLengthTdesByDefaultAndPublishesTerminalRegistered() {
        String id = terminalId();
        String merchant = merchantId();

        RegistryApi.Response r = api.post("/v1/terminals", operator(), terminal(id, merchant));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.location()).isEqualTo("/v1/terminals/" + id);
        assertThat(r.string("status")).isEqualTo("REGISTERED");
        assertThat(r.string("keyScheme")).isEqualTo("TDES_2KEY");
        await().atMost(Duration.ofSeconds(20)).until(() -> !events.forKey(id).isEmpty());
        EventCollector.Received registered = events.forKey(id).getFirst();
        assertThat(registered.ceType()).isEqualTo("io.keyrail.terminal.registered.v1");
        assertThat(registered.headers()).containsEntry(CloudEventHeaders.SOURCE, "/keyrail/terminal-registry")
                .containsEntry(CloudEventHeaders.SUBJECT, "terminal/" + id);
        // CloudEvents binary mode and nothing else: no Spring type headers for subscribers to trip over.
        assertThat(registered.headers().keySet()).containsExactlyInAnyOrder(CloudEventHeaders.SPEC_VERSION,
                CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.SUBJECT,
                CloudEventHeaders.TIME, CloudEventHeaders.DATA_SCHEMA, CloudEventHeaders.CONTENT_TYPE);
        assertThat(registered.schemaErrors()).isEmpty();
        JsonNode body = RegistryApi.JSON.readTree(registered.json());
        assertThat(body.path("merchantId").asString()).isEqualTo(merchant);
        assertThat(body.path("keyScheme").asString()).isEqualTo("TDES_2KEY");
        assertThat(api.get("/v1/terminals/" + id, auditor()).string("model")).isEqualTo("PAX A920");
    }

    @Test
    void refusesADuplicateTerminalIdWith409() {
        String id = terminalId();
        assertThat(api.post("/v1/terminals", operator(), terminal(id, merchantId())).status()).isEqualTo(201);

        RegistryApi.Response again = api.post("/v1/terminals", operator(), terminal(id, merchantId()));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.string("type")).isEqualTo("https://keyrail.io/problems/duplicate-terminal");
    }

    @Test
    void refusesAnInvalidTerminalWith400NamingEachField() {
        Map<String, Object> bad = terminal("1234", "12345");
        bad.put("acquirerProfile", "cup-default");

        RegistryApi.Response r = api.post("/v1/terminals", operator(), bad);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactlyInAnyOrder("terminalId", "merchantId");
    }

    @Test
    void refusesAKeySchemeTheAcquirerProfileDoesNotAllow() {
        Map<String, Object> aes = terminal(terminalId(), merchantId());
        aes.put("keyScheme", "AES_128");

        RegistryApi.Response r = api.post("/v1/terminals", operator(), aes);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("errors").get(0).path("field").asString()).isEqualTo("keyScheme");
        assertThat(r.body().path("errors").get(0).path("message").asString()).contains("cup-default");

        aes.put("acquirerProfile", "aes");
        assertThat(api.post("/v1/terminals", operator(), aes).string("keyScheme")).isEqualTo("AES_128");
    }

    @Test
    void listsTerminalsOfAMerchantByStatusPageByPage() {
        String merchant = merchantId();
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/v1/terminals", operator(), terminal(terminalId(), merchant)).status()).isEqualTo(201);
        }

        RegistryApi.Response first = api.get("/v1/terminals?merchantId=" + merchant + "&status=REGISTERED&page=0&size=2",
                auditor());
        RegistryApi.Response last = api.get("/v1/terminals?merchantId=" + merchant + "&page=2&size=2", operator());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("totalElements").asLong()).isEqualTo(5);
        assertThat(first.body().path("totalPages").asInt()).isEqualTo(3);
        assertThat(first.body().path("items").size()).isEqualTo(2);
        assertThat(last.body().path("items").size()).isEqualTo(1);
        assertThat(api.get("/v1/terminals?merchantId=" + merchant + "&status=ACTIVE", auditor())
                .body().path("totalElements").asLong()).isZero();
        assertThat(api.get("/v1/terminals?status=SLEEPING", auditor()).status()).isEqualTo(400);
    }

    @Test
    void updatesModelAndLocationAndPublishesTerminalUpdated() {
        String id = terminalId();
        api.post("/v1/terminals", operator(), terminal(id, merchantId()));

        RegistryApi.Response r = api.patch("/v1/terminals/" + id, operator(), Map.of("location", "Shop 14"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.string("location")).isEqualTo("Shop 14");
        assertThat(r.string("model")).isEqualTo("PAX A920");
        await().atMost(Duration.ofSeconds(20)).until(() -> events.forKey(id).size() == 2);
        assertThat(events.forKey(id).get(1).ceType()).isEqualTo("io.keyrail.terminal.updated.v1");
        assertThat(events.forKey(id).get(1).schemaErrors()).isEmpty();
    }

    @Test
    void suspendsResumesAndDecommissionsATerminalPublishingEachStatusChange() {
        String id = terminalId();
        api.post("/v1/terminals", operator(), terminal(id, merchantId()));

        assertThat(api.post("/v1/terminals/" + id + "/suspend", operator(), Map.of("reason", "fraud check"))
                .string("status")).isEqualTo("SUSPENDED");
        assertThat(api.post("/v1/terminals/" + id + "/suspend", operator(), Map.of()).status()).isEqualTo(409);
        assertThat(api.post("/v1/terminals/" + id + "/resume", operator(), Map.of()).string("status"))
                .isEqualTo("REGISTERED");
        assertThat(api.post("/v1/terminals/" + id + "/decommission", operator(), Map.of()).string("status"))
                .isEqualTo("DECOMMISSIONED");
        assertThat(api.post("/v1/terminals/" + id + "/resume", operator(), Map.of()).status()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(20)).until(() -> events.forKey(id).size() == 4);
        List<String> reasons = events.forKey(id).stream().skip(1)
                .map(e -> RegistryApi.JSON.readTree(e.json()).path("status").asString()).toList();
        assertThat(reasons).containsExactly("SUSPENDED", "REGISTERED", "DECOMMISSIONED");
        assertThat(events.forKey(id)).allSatisfy(e -> assertThat(e.schemaErrors()).isEmpty());
    }

    @Test
    void answers404ForAnUnknownTerminal() {
        RegistryApi.Response r = api.get("/v1/terminals/ZZZZ0000", operator());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.string("type")).isEqualTo("https://keyrail.io/problems/terminal-not-found");
    }
}
