package io.keyrail.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.testing.ServiceTestProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The POSP sign-in listener answers like the service's own sign-in endpoint: the same answer, the
 * same versions (one sequence whichever door a sign-in takes), and a problem (RFC 9457) for every
 * refusal. Field 62 through the listener is opened under the TMK in {@link SignInIT}.
 */
class PospListenerIT extends ServiceTestSupport {

    @Test
    void answersWithTheSameFieldsAsTheServicePortAndContinuesTheSameVersionSequence() {
        String terminalId = terminalReadyToSignIn(KeyScheme.TDES_2KEY).terminalId();

        HttpCalls.Reply throughService = signIn(http(), terminalId, "003");
        HttpCalls.Reply throughListener = signIn(posp(), terminalId, "003");

        assertThat(throughListener.status()).as(throughListener.text()).isEqualTo(200);
        assertThat(throughListener.contentType()).startsWith("application/json");
        assertThat(fieldNames(throughListener.json())).isEqualTo(fieldNames(throughService.json()));
        assertThat(fieldNames(throughListener.json().path("keys").get(0)))
                .isEqualTo(fieldNames(throughService.json().path("keys").get(0)));
        assertThat(throughListener.json().path("issuedAt").asString())
                .as("an ISO-8601 instant, as on the service port").endsWith("Z");
        assertThat(throughListener.json().path("keys").get(0).path("version").asInt()).isEqualTo(2);
        assertThat(throughListener.json().path("keys").get(1).path("version").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT state FROM key_version WHERE terminal_id = ? AND key_type = 'TAK' "
                + "ORDER BY version", String.class, terminalId)).containsExactly("ACCEPTED", "ACTIVE");
    }

    @Autowired
    MeterRegistry meters;

    @Test
    void refusesARequestWithoutATokenWithAProblemAndABearerChallenge() {
        double before = unauthorizedAnswers();

        HttpCalls.Reply reply = posp().post("/v1/terminals/" + RegistryFixture.newTerminalId() + "/sign-in", null,
                "{\"mode\":\"003\"}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.problemSlug()).isEqualTo("unauthorized");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(unauthorizedAnswers()).as("keyrail.posp-listener.responses{status=401}").isEqualTo(before + 1);
    }

    private double unauthorizedAnswers() {
        Counter c = meters.find("keyrail.posp-listener.responses").tag("status", "401").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void refusesATokenThatDoesNotVerify() {
        String token = pospToken();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        HttpCalls.Reply reply = posp().post("/v1/terminals/" + RegistryFixture.newTerminalId() + "/sign-in", tampered,
                "{\"mode\":\"003\"}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.problemSlug()).isEqualTo("unauthorized");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
    }

    @Test
    void refusesACallerWithoutThePospRoleAndIssuesNothing() {
        String terminalId = terminalReadyToSignIn(KeyScheme.TDES_2KEY).terminalId();

        HttpCalls.Reply reply = posp().post("/v1/terminals/" + terminalId + "/sign-in",
                ServiceTestProperties.token("olivia", "OPERATOR", "AUDITOR"), "{\"mode\":\"003\"}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.problemSlug()).isEqualTo("forbidden");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM key_version WHERE terminal_id = ?", Integer.class,
                terminalId)).isZero();
    }

    @ParameterizedTest(name = "{0} {1} ({3}) gets {4} {5}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            POST | /v1/terminals/{id}/sign-in | {"mode":"002"}     | application/json | 400 | invalid-sign-in-mode
            POST | /v1/terminals/{id}/sign-in | {}                 | application/json | 400 | invalid-sign-in-mode
            POST | /v1/terminals/{id}/sign-in | {"mode":3}         | application/json | 400 | invalid-sign-in-mode
            POST | /v1/terminals/{id}/sign-in | {"mode":           | application/json | 400 | invalid-request
            POST | /v1/terminals/{id}/sign-in | mode=003           | text/plain       | 415 | unsupported-media-type
            POST | /v1/terminals/ABC/sign-in  | {"mode":"003"}     | application/json | 400 | invalid-terminal-id
            POST | /v1/terminals/{id}/sign-in | {"mode":"003"}     | application/json | 404 | terminal-unknown
            GET  | /v1/terminals/{id}/sign-in | null               | null             | 405 | method-not-allowed
            POST | /v1/terminals/{id}         | {"mode":"003"}     | application/json | 404 | not-found
            POST | /actuator/health           | {"mode":"003"}     | application/json | 404 | not-found
            """)
    void answersEveryRefusalWithAProblemNamingItsType(String method, String pathTemplate, String body,
                                                      String contentType, int status, String slug) {
        String path = pathTemplate.replace("{id}", RegistryFixture.newTerminalId());

        HttpCalls.Reply reply = posp().send(method, path, pospToken(), contentType, body);

        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(reply.problemSlug()).isEqualTo(slug);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).isEqualTo(path);
        if (status == 405) {
            assertThat(reply.header("Allow")).isEqualTo("POST");
        }
    }

    @Test
    void refusesABodyLargerThanTheLimit() {
        String padding = "x".repeat(8_192);

        HttpCalls.Reply reply = posp().post("/v1/terminals/" + RegistryFixture.newTerminalId() + "/sign-in",
                pospToken(), "{\"mode\":\"003\",\"padding\":\"" + padding + "\"}");

        assertThat(reply.status()).isEqualTo(413);
    }

    @Test
    void namesTheTerminalInARefusalButNoKey() {
        ReadyTerminal terminal = terminalReadyToSignIn(KeyScheme.DES_SINGLE);

        HttpCalls.Reply reply = signIn(posp(), terminal.terminalId(), "003");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.problemSlug()).isEqualTo("terminal-master-key-refused");
        assertThat(reply.json().path("terminalId").asString()).isEqualTo(terminal.terminalId());
        assertThat(reply.text()).doesNotContainIgnoringCase(io.keyrail.hsm.crypto.Hex.encode(terminal.masterKey().clear()));
    }

    private static Set<String> fieldNames(JsonNode node) {
        return Set.copyOf(StreamSupport.stream(node.propertyNames().spliterator(), false).toList());
    }
}
