package io.keyrail.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.testing.HealthProbes;
import io.keyrail.testing.ServiceTestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessAndOperationsIT extends ServiceTestSupport {

    @Test
    void signInWithoutTokenIsUnauthorized() {
        HttpCalls.Reply reply = http().post("/v1/terminals/" + RegistryFixture.newTerminalId() + "/sign-in", null,
                "{\"mode\":\"003\"}");

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void signInWithAForgedTokenIsUnauthorized() {
        String token = pospToken();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";

        HttpCalls.Reply reply = http().post("/v1/terminals/" + RegistryFixture.newTerminalId() + "/sign-in", forged,
                "{\"mode\":\"003\"}");

        assertThat(reply.status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OPERATOR", "CUSTODIAN", "APPROVER", "AUDITOR"})
    void onlyThePospMaySignIn(String role) {
        String terminalId = RegistryFixture.newTerminalId();

        HttpCalls.Reply reply = http().post("/v1/terminals/" + terminalId + "/sign-in",
                ServiceTestProperties.token("someone", role), "{\"mode\":\"003\"}");

        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void keyVersionsAreForOperatorsAndAuditorsOnly() {
        String path = "/v1/terminals/" + RegistryFixture.newTerminalId() + "/key-versions";

        assertThat(http().get(path, null).status()).isEqualTo(401);
        assertThat(http().get(path, pospToken()).status()).isEqualTo(403);
        assertThat(http().get(path, ServiceTestProperties.token("custodian", "CUSTODIAN")).status()).isEqualTo(403);
        assertThat(http().get(path, ServiceTestProperties.token("auditor", "AUDITOR")).status()).isEqualTo(200);
        assertThat(http().get(path, ServiceTestProperties.token("operator", "OPERATOR")).status()).isEqualTo(200);
    }

    @Test
    void livenessNeedsNothingExternalAndReadinessChecksDatabaseAndKafka() {
        HttpCalls.Reply liveness = http().get("/actuator/health/liveness", null);
        HttpCalls.Reply readiness = http().get("/actuator/health/readiness", null);

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(readiness.status()).isEqualTo(200);
        HealthProbes.assertLivenessStandsAloneAndReadinessChecksDatabaseAndKafka(liveness.json(), readiness.json());
    }

    @Test
    void showsHealthDetailsToOperatorsAndAuditorsOnly() {
        String readiness = "/actuator/health/readiness";

        assertThat(HealthProbes.kafkaDetails(http().get(readiness, null).json()).isMissingNode()).isTrue();
        assertThat(HealthProbes.kafkaDetails(http().get(readiness, pospToken()).json()).isMissingNode()).isTrue();
        assertThat(HealthProbes.kafkaDetails(http().get(readiness, ServiceTestProperties.token("operator", "OPERATOR"))
                .json()).path("nodes").asInt()).isEqualTo(1);
    }

    @Test
    void prometheusExposesSignInsAndTheOutboxBacklog() {
        String terminalId = terminalReadyToSignIn(KeyScheme.TDES_2KEY).terminalId();
        signIn(terminalId, "001");

        String metrics = http().get("/actuator/prometheus", null).text();

        assertThat(metrics).contains("keyrail_sign_ins_total{").contains("mode=\"001\"").contains("outcome=\"issued\"");
        assertThat(metrics).contains("keyrail_sign_in_duration_seconds_count{");
        assertThat(metrics).contains("keyrail_outbox_backlog");
    }

    @Test
    void openApiDocumentsTheSignInAndSwaggerUiIsServed() {
        HttpCalls.Reply docs = http().get("/v3/api-docs", null);
        HttpCalls.Reply ui = http().get("/swagger-ui/index.html", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/v1/terminals/{terminalId}/sign-in")).isTrue();
        assertThat(docs.json().path("paths").has("/v1/terminals/{terminalId}/key-versions")).isTrue();
        assertThat(ui.status()).isEqualTo(200);
    }
}
