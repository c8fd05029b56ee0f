package io.keyrail.registry;

import static io.keyrail.registry.RegistryApi.auditor;
import static io.keyrail.registry.RegistryApi.custodian;
import static io.keyrail.registry.RegistryApi.operator;
import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.testing.HealthProbes;
import io.keyrail.testing.ServiceTestProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authentication and roles on every endpoint, health probes, metrics and the API documentation. */
class OperationsIT extends RegistryIntegrationTest {

    @Test
    void refusesARequestWithoutATokenWith401() {
        assertThat(api.get("/v1/terminals", null).status()).isEqualTo(401);
        assertThat(api.post("/v1/terminals/bulk", null, List.of()).status()).isEqualTo(401);
        assertThat(api.get("/v1/transport-keys", "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void refusesARequestWithTheWrongRoleWith403() {
        String id = terminalId();
        assertThat(api.post("/v1/terminals", auditor(), TerminalLifecycleIT.terminal(id, merchantId())).status())
                .isEqualTo(403);
        assertThat(api.post("/v1/terminals", custodian("alice"), TerminalLifecycleIT.terminal(id, merchantId())).status())
                .isEqualTo(403);
        assertThat(api.post("/v1/terminals/bulk", auditor(), List.of()).status()).isEqualTo(403);
        assertThat(api.get("/v1/terminals", ServiceTestProperties.token("posp", "POSP")).status()).isEqualTo(403);
        assertThat(api.post("/v1/terminals/" + id + "/suspend", auditor(), Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/v1/transport-keys", custodian("alice"), Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/v1/terminals/" + id + "/master-key/components", custodian("alice"),
                Map.of("custodians", List.of("alice", "bob"))).status()).isEqualTo(403);
        assertThat(api.get("/v1/terminals/" + id + "/master-key/components/1", operator()).status()).isEqualTo(403);
        assertThat(api.get("/v1/acquirer-profiles", ServiceTestProperties.token("approver", "APPROVER")).status())
                .isEqualTo(403);
    }

    @Test
    void listsTheSeededAcquirerProfiles() {
        RegistryApi.Response r = api.get("/v1/acquirer-profiles", auditor());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().valueStream().map(p -> p.path("id").asString()).toList()).contains("aes", "cup-default");
    }

    @Test
    void answersLivenessWithoutDependenciesAndReadinessWithDatabaseAndKafka() {
        RegistryApi.Response liveness = api.get("/actuator/health/liveness", null);
        RegistryApi.Response readiness = api.get("/actuator/health/readiness", null);

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(readiness.status()).isEqualTo(200);
        HealthProbes.assertLivenessStandsAloneAndReadinessChecksDatabaseAndKafka(liveness.body(), readiness.body());
    }

    @Test
    void showsHealthDetailsToOperatorsAndAuditorsOnly() {
        String readiness = "/actuator/health/readiness";

        assertThat(HealthProbes.kafkaDetails(api.get(readiness, null).body()).isMissingNode()).isTrue();
        assertThat(HealthProbes.kafkaDetails(api.get(readiness, ServiceTestProperties.token("posp", "POSP")).body())
                .isMissingNode()).isTrue();
        assertThat(HealthProbes.kafkaDetails(api.get(readiness, auditor()).body()).path("nodes").asInt()).isEqualTo(1);
    }

    @Test
    void exposesRegistrationAndOutboxMetricsToPrometheus() {
        api.post("/v1/terminals", operator(), TerminalLifecycleIT.terminal(terminalId(), merchantId()));

        RegistryApi.Response r = api.get("/actuator/prometheus", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("keyrail_registrations_total").contains("keyrail_outbox_backlog")
                .contains("keyrail_sign_ins_total");
    }

    @Test
    void publishesTheOpenApiDocumentAndSwaggerUi() {
        RegistryApi.Response docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").propertyNames()).contains("/v1/terminals", "/v1/terminals/bulk",
                "/v1/terminals/{terminalId}/master-key/components/{number}", "/v1/transport-keys");
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }
}
