package io.keyrail.registry;

import static io.keyrail.registry.RegistryApi.auditor;
import static io.keyrail.registry.RegistryApi.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keyrail.events.Topics;
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

class BulkRegistrationIT extends RegistryIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private EventCollector events;

    @BeforeEach
    void subscribe() {
        events = new EventCollector(bootstrapServers(), List.of(Topics.TERMINALS));
    }

    @AfterEach
    void unsubscribe() {
        events.close();
    }

    @Test
    void registersTheValidRowsOfAJsonArrayAndNamesEachBadRowAndField() {
        String merchant = merchantId();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = terminalId();
            good.add(id);
            rows.add(TerminalLifecycleIT.terminal(id, merchant));
        }
        Map<String, Object> badMerchant = TerminalLifecycleIT.terminal(terminalId(), "TOO-SHORT");
        rows.add(5, badMerchant);
        Map<String, Object> badScheme = TerminalLifecycleIT.terminal(terminalId(), merchant);
        badScheme.put("keyScheme", "AES_256");
        rows.add(10, badScheme);
        rows.add(TerminalLifecycleIT.terminal(good.getFirst(), merchant));

        RegistryApi.Response r = api.post("/v1/terminals/bulk?mode=valid-only", operator(), rows);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("rows").asInt()).isEqualTo(33);
        assertThat(r.body().path("accepted").asInt()).isEqualTo(30);
        assertThat(r.body().path("rejected").asInt()).isEqualTo(3);
        assertThat(errors(r.body())).containsExactly("6:merchantId", "11:keyScheme", "33:terminalId");
        assertThat(api.get("/v1/terminals?merchantId=" + merchant, auditor()).body().path("totalElements").asLong())
                .isEqualTo(30);
        await().atMost(Duration.ofSeconds(30)).until(() -> good.stream().allMatch(id -> events.forKey(id).size() == 1));
        assertThat(events.forKey(good.get(7)).getFirst().schemaErrors()).isEmpty();
    }

    @Test
    void registersTheValidRowsOfACsvBodyWithAHeaderRow() {
        String merchant = merchantId();
        String a = terminalId();
        String b = terminalId();
        String csv = """
                terminalId,merchantId,acquirerProfile,keyScheme,model,location
                %s,%s,cup-default,,PAX A920,"Shop 1, Main Street"
                %s,%s,aes,AES_128,Verifone V200c,Kiosk 3
                1234,%s,cup-default,,,
                %s,%s,nobody,,,
                """.formatted(a, merchant, b, merchant, merchant, terminalId(), merchant);

        RegistryApi.Response r = api.postRaw("/v1/terminals/bulk?mode=valid-only", operator(), "text/csv", csv);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("accepted").asInt()).isEqualTo(2);
        assertThat(errors(r.body())).containsExactly("3:terminalId", "4:acquirerProfile");
        assertThat(api.get("/v1/terminals/" + a, auditor()).string("location")).isEqualTo("Shop 1, Main Street");
        assertThat(api.get("/v1/terminals/" + b, auditor()).string("keyScheme")).isEqualTo("AES_128");
    }

    @Test
    void writesAndPublishesNothingWhenOneRowOfAnAllOrNothingImportIsBad() {
        String merchant = merchantId();
        StringBuilder csv = new StringBuilder("terminalId,merchantId,acquirerProfile\n");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            String id = terminalId();
            ids.add(id);
            csv.append(i == 2200 ? "BAD!" : id).append(',').append(merchant).append(",cup-default\n");
        }
        String marker = terminalId();
        api.post("/v1/terminals", operator(), TerminalLifecycleIT.terminal(marker, merchantId()));

        RegistryApi.Response r = api.postRaw("/v1/terminals/bulk", operator(), "text/csv", csv.toString());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.string("type")).isEqualTo("https://keyrail.io/problems/invalid-terminals");
        assertThat(errors(r.body())).containsExactly("2201:terminalId");
        assertThat(jdbc.queryForObject("select count(*) from terminal where merchant_id = ?", Long.class, merchant))
                .isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> events.forKey(marker).size() == 1);
        assertThat(events.matching(e -> ids.contains(e.key()))).isEmpty();
    }

    @Test
    void refusesAnAllOrNothingImportWhoseOnlyProblemIsAnAlreadyRegisteredTerminalWith409() {
        String taken = terminalId();
        api.post("/v1/terminals", operator(), TerminalLifecycleIT.terminal(taken, merchantId()));
        String fresh = terminalId();

        RegistryApi.Response r = api.post("/v1/terminals/bulk?mode=all-or-nothing", operator(), List.of(
                TerminalLifecycleIT.terminal(fresh, merchantId()), TerminalLifecycleIT.terminal(taken, merchantId())));

        assertThat(r.status()).isEqualTo(409);
        assertThat(errors(r.body())).containsExactly("2:terminalId");
        assertThat(api.get("/v1/terminals/" + fresh, auditor()).status()).isEqualTo(404);
    }

    @Test
    void registersEveryRowOfAValidAllOrNothingImport() {
        String merchant = merchantId();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            rows.add(TerminalLifecycleIT.terminal(terminalId(), merchant));
        }

        RegistryApi.Response r = api.post("/v1/terminals/bulk", operator(), rows);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("accepted").asInt()).isEqualTo(1200);
        assertThat(jdbc.queryForObject("select count(*) from terminal where merchant_id = ?", Long.class, merchant))
                .isEqualTo(1200);
    }

    @Test
    void refusesABodyThatIsNotAJsonArrayOrACsvWithoutItsRequiredColumns() {
        RegistryApi.Response notArray = api.postRaw("/v1/terminals/bulk?mode=valid-only", operator(),
                "application/json", "{\"terminalId\":\"12345678\"}");
        RegistryApi.Response noColumns = api.postRaw("/v1/terminals/bulk?mode=valid-only", operator(), "text/csv",
                "terminalId,merchantId\n12345678,123456789012345\n");
        RegistryApi.Response badMode = api.post("/v1/terminals/bulk?mode=some", operator(), List.of());

        assertThat(notArray.status()).isEqualTo(400);
        assertThat(notArray.body().path("errors").get(0).path("message").asString())
                .isEqualTo("the body must be a JSON array of terminals");
        assertThat(noColumns.status()).isEqualTo(400);
        assertThat(badMode.status()).isEqualTo(400);
    }

    @Test
    void reportsTheRowWhereTheJsonBreaksAndKeepsTheRowsBefore() {
        String id = terminalId();
        String json = "[{\"terminalId\":\"" + id + "\",\"merchantId\":\"" + merchantId()
                + "\",\"acquirerProfile\":\"cup-default\"}, {\"terminalId\": ";

        RegistryApi.Response r = api.postRaw("/v1/terminals/bulk?mode=valid-only", operator(), "application/json", json);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("accepted").asInt()).isEqualTo(1);
        assertThat(r.body().path("errors").get(0).path("message").asString()).startsWith("the JSON is malformed");
    }

    private static List<String> errors(JsonNode body) {
        return body.path("errors").valueStream()
                .map(e -> e.path("row").asInt() + ":" + e.path("field").asString())
                .toList();
    }
}
