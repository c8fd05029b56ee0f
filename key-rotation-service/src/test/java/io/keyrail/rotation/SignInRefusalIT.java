package io.keyrail.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keyrail.events.EventJson;
import io.keyrail.events.Topics;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.testing.EventCollector;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SignInRefusalIT extends ServiceTestSupport {

    @Test
    void unknownTerminalGetsTerminalUnknown() {
        HttpCalls.Reply reply = signIn(RegistryFixture.newTerminalId(), "003");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.problemSlug()).isEqualTo("terminal-unknown");
    }

    @Test
    void terminalWithoutMasterKeyGetsMasterKeyMissing() {
        String terminalId = RegistryFixture.newTerminalId();
        registry.publish(RegistryFixture.registered(terminalId, RegistryFixture.newMerchantId()));
        awaitStatus(terminalId, "REGISTERED");

        HttpCalls.Reply reply = signIn(terminalId, "001");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.problemSlug()).isEqualTo("terminal-master-key-missing");
    }

    @Test
    void suspendedTerminalGetsTerminalSuspendedAndSignsInAgainOnceReactivated() {
        ReadyTerminal terminal = terminalReadyToSignIn(KeyScheme.TDES_2KEY);
        String terminalId = terminal.terminalId();
        changeStatus(terminal, TerminalStatus.AWAITING_SIGN_IN, TerminalStatus.SUSPENDED, "MAC_FAILURES");

        HttpCalls.Reply suspended = signIn(terminalId, "003");
        changeStatus(terminal, TerminalStatus.SUSPENDED, TerminalStatus.AWAITING_SIGN_IN, "REINSTATED");
        HttpCalls.Reply reinstated = signIn(terminalId, "003");

        assertThat(suspended.status()).isEqualTo(409);
        assertThat(suspended.problemSlug()).isEqualTo("terminal-suspended");
        assertThat(suspended.json().path("terminalId").asString()).isEqualTo(terminalId);
        assertThat(reinstated.status()).isEqualTo(200);
    }

    @Test
    void decommissioningRefusesSignInAndDestroysEveryWorkingKeyVersion() {
        ReadyTerminal terminal = terminalReadyToSignIn(KeyScheme.TDES_2KEY);
        String terminalId = terminal.terminalId();
        signIn(terminalId, "003");
        signIn(terminalId, "004");

        changeStatus(terminal, TerminalStatus.ACTIVE, TerminalStatus.DECOMMISSIONED, "DECOMMISSIONED");
        HttpCalls.Reply reply = signIn(terminalId, "003");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.problemSlug()).isEqualTo("terminal-decommissioned");
        assertThat(jdbc.queryForList("SELECT state FROM key_version WHERE terminal_id = ?", String.class, terminalId))
                .hasSize(5).containsOnly(KeyState.DESTROYED.name());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM key_version WHERE terminal_id = ? AND key_block IS NOT NULL",
                Integer.class, terminalId)).isZero();
        await().atMost(EVENTUALLY).until(() -> destroyedEvents(terminalId).size() == 5);
        assertThat(destroyedEvents(terminalId)).allSatisfy(r -> {
            assertThat(r.schemaErrors()).isEmpty();
            assertThat(EventJson.tree(RegistryFixture.utf8(r.json())).path("reason").asString())
                    .isEqualTo("DECOMMISSIONED");
        });
    }

    @Test
    void destroyedMasterKeyDestroysTheWorkingKeysAndLeavesTheTerminalWithoutMasterKey() {
        ReadyTerminal terminal = terminalReadyToSignIn(KeyScheme.TDES_2KEY);
        String terminalId = terminal.terminalId();
        signInOnceAndDestroyTheMasterKey(terminal);

        HttpCalls.Reply reply = signIn(terminalId, "001");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.problemSlug()).isEqualTo("terminal-master-key-missing");
    }

    @Test
    void newMasterKeyAfterDestructionIssuesVersionsAfterTheDestroyedOnes() {
        ReadyTerminal terminal = terminalReadyToSignIn(KeyScheme.TDES_2KEY);
        String terminalId = terminal.terminalId();
        String merchantId = terminal.merchantId();
        signInOnceAndDestroyTheMasterKey(terminal);

        TestMasterKeys.MasterKey second = TestMasterKeys.create(KeyScheme.TDES_2KEY);
        registry.publish(RegistryFixture.installed(terminalId, merchantId, 2, second));
        registry.publish(RegistryFixture.masterKeyMaterial(terminalId, 2, second, KeyState.ACTIVE));
        await().atMost(EVENTUALLY).until(() -> signIn(terminalId, "001").status() == 200);

        JsonNode versions = http().get("/v1/terminals/" + terminalId + "/key-versions",
                io.keyrail.testing.ServiceTestProperties.token("operator-1", "OPERATOR")).json();
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).path("state").asString()).isEqualTo("ACTIVE");
        assertThat(versions.get(1).path("state").asString()).isEqualTo("DESTROYED");
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(published.matching(r -> terminalId.equals(r.key())
                        && "io.keyrail.key.issued.v1".equals(r.ceType()))
                .stream().map(r -> EventJson.tree(RegistryFixture.utf8(r.json())))
                .filter(j -> j.path("version").asInt() == 2).toList())
                .as("a destroyed version is superseded by nothing: version 2 has no previous version")
                .hasSize(2).allSatisfy(j -> {
                    assertThat(j.path("previousVersion").isNull()).as("previousVersion null").isTrue();
                    assertThat(j.path("previousAcceptedUntil").isNull()).as("previousAcceptedUntil null").isTrue();
                }));
    }

    @Test
    void singleLengthMasterKeyCannotCarryDoubleLengthKeys() {
        String terminalId = terminalReadyToSignIn(KeyScheme.DES_SINGLE).terminalId();

        HttpCalls.Reply refused = signIn(terminalId, "003");
        HttpCalls.Reply single = signIn(terminalId, "001");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemSlug()).isEqualTo("terminal-master-key-refused");
        assertThat(single.status()).isEqualTo(200);
    }

    @Test
    void unsupportedModeOrMalformedTerminalIdIsInvalidInput() {
        HttpCalls.Reply mode = signIn(RegistryFixture.newTerminalId(), "002");
        HttpCalls.Reply missing = http().post("/v1/terminals/" + RegistryFixture.newTerminalId() + "/sign-in", pospToken(), "{}");
        HttpCalls.Reply terminal = signIn("1234", "001");

        assertThat(mode.status()).isEqualTo(400);
        assertThat(mode.problemSlug()).isEqualTo("invalid-sign-in-mode");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problemSlug()).isEqualTo("invalid-request");
        assertThat(terminal.status()).isEqualTo(400);
        assertThat(terminal.problemSlug()).isEqualTo("invalid-terminal-id");
    }

    /**
     * One mode-001 sign-in (a TPK and a TAK, version 1), then the registry destroys the master key:
     * returns once both working keys are published as destroyed.
     */
    private void signInOnceAndDestroyTheMasterKey(ReadyTerminal terminal) {
        String terminalId = terminal.terminalId();
        signIn(terminalId, "001");
        registry.publish(RegistryFixture.masterKeyDestroyed(terminalId, terminal.merchantId(), 1));
        await().atMost(EVENTUALLY).until(() -> destroyedEvents(terminalId).size() == 2);
    }

    private static List<EventCollector.Received> destroyedEvents(String terminalId) {
        return published.matching(r -> r.topic().equals(Topics.KEYS) && terminalId.equals(r.key())
                && "io.keyrail.key.destroyed.v1".equals(r.ceType()));
    }
}
