package io.keyrail.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keyrail.events.CloudEventHeaders;
import io.keyrail.events.EventJson;
import io.keyrail.events.EventType;
import io.keyrail.events.Topics;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.events.terminal.TerminalStatusChanged;
import io.keyrail.hsm.api.key.KeyScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryEventsIT extends ServiceTestSupport {

    @Test
    void eventDeliveredTwiceHasOneEffect() {
        ReadyTerminal terminal = terminalReadyToSignIn(KeyScheme.TDES_2KEY);
        String terminalId = terminal.terminalId();
        TerminalStatusChanged suspended = changeStatus(terminal, TerminalStatus.AWAITING_SIGN_IN,
                TerminalStatus.SUSPENDED, "MAC_FAILURES");
        changeStatus(terminal, TerminalStatus.SUSPENDED, TerminalStatus.AWAITING_SIGN_IN, "REINSTATED");

        registry.publish(suspended);
        awaitProcessed(registry.publishMarker(terminalId, terminal.merchantId()));

        assertThat(jdbc.queryForObject("SELECT status FROM terminal WHERE terminal_id = ?", String.class, terminalId))
                .as("the redelivered suspension changed nothing").isEqualTo("AWAITING_SIGN_IN");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE event_id = ?", Integer.class,
                suspended.eventId())).isEqualTo(1);
        assertThat(signIn(terminalId, "003").status()).isEqualTo(200);
    }

    @Test
    void unparseableRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String poisonKey = RegistryFixture.newTerminalId();
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.TYPE, RegistryFixture.utf8(EventType.TERMINAL_REGISTERED.ceType()));
        headers.put(CloudEventHeaders.ID, RegistryFixture.utf8(java.util.UUID.randomUUID().toString()));
        registry.send(Topics.TERMINALS, poisonKey, headers, RegistryFixture.utf8("{not json"));

        String next = RegistryFixture.newTerminalId();
        registry.publish(RegistryFixture.registered(next, RegistryFixture.newMerchantId()));

        awaitStatus(next, "REGISTERED");
        await().atMost(EVENTUALLY).until(() -> !published.matching(r -> r.topic().equals(Topics.deadLetter(Topics.TERMINALS))
                && poisonKey.equals(r.key())).isEmpty());
    }

    @Test
    void recordsFailingTheirSchemaOrWithoutTypeGoToTheDeadLetterTopic() {
        String schemaInvalid = RegistryFixture.newTerminalId();
        String untyped = RegistryFixture.newTerminalId();
        String unknownType = RegistryFixture.newTerminalId();
        registry.send(Topics.TERMINALS, schemaInvalid,
                Map.of(CloudEventHeaders.TYPE, RegistryFixture.utf8(EventType.TERMINAL_REGISTERED.ceType())),
                RegistryFixture.utf8("{\"terminalId\":\"" + schemaInvalid + "\"}"));
        registry.send(Topics.TERMINALS, untyped, Map.of(),
                EventJson.write(RegistryFixture.registered(untyped, RegistryFixture.newMerchantId())));
        registry.send(Topics.KEY_MATERIAL, "terminal/" + unknownType + "/TMK",
                Map.of(CloudEventHeaders.TYPE, RegistryFixture.utf8("io.keyrail.nothing.v9")),
                RegistryFixture.utf8("{}"));

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(published.matching(r -> r.topic().equals(Topics.deadLetter(Topics.TERMINALS))
                    && (schemaInvalid.equals(r.key()) || untyped.equals(r.key())))).hasSize(2);
            assertThat(published.matching(r -> r.topic().equals(Topics.deadLetter(Topics.KEY_MATERIAL))
                    && ("terminal/" + unknownType + "/TMK").equals(r.key()))).hasSize(1);
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM terminal WHERE terminal_id IN (?, ?)", Integer.class,
                schemaInvalid, untyped)).isZero();
    }

    @Test
    void masterKeyMaterialArrivingBeforeTheRegistrationStillMakesTheTerminalReady() {
        String terminalId = RegistryFixture.newTerminalId();
        String merchantId = RegistryFixture.newMerchantId();
        TestMasterKeys.MasterKey tmk = TestMasterKeys.create(KeyScheme.TDES_2KEY);

        registry.publish(RegistryFixture.masterKeyMaterial(terminalId, 1, tmk, KeyState.ACTIVE));
        await().atMost(EVENTUALLY).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM terminal WHERE terminal_id = ?", Integer.class, terminalId) == 1);
        HttpCalls.Reply beforeRegistration = signIn(terminalId, "003");
        registry.publish(RegistryFixture.registered(terminalId, merchantId));
        registry.publish(RegistryFixture.installed(terminalId, merchantId, 1, tmk));
        registry.publish(RegistryFixture.statusChanged(terminalId, merchantId, TerminalStatus.REGISTERED,
                TerminalStatus.AWAITING_SIGN_IN, "MASTER_KEY_INSTALLED"));
        awaitSignInReady(terminalId);

        assertThat(beforeRegistration.problemSlug()).isEqualTo("terminal-unknown");
        assertThat(signIn(terminalId, "003").status()).isEqualTo(200);
    }

    @Test
    void newerMasterKeyAnnouncedBeforeItsMaterialSuspendsSignInUntilTheMaterialArrives() {
        ReadyTerminal terminal = terminalReadyToSignIn(KeyScheme.TDES_2KEY);
        String terminalId = terminal.terminalId();
        String merchantId = terminal.merchantId();
        TestMasterKeys.MasterKey second = TestMasterKeys.create(KeyScheme.TDES_2KEY);

        registry.publish(RegistryFixture.installed(terminalId, merchantId, 2, second));
        await().atMost(EVENTUALLY).until(() -> jdbc.queryForObject(
                "SELECT tmk_version FROM terminal WHERE terminal_id = ?", Integer.class, terminalId) == 2);
        HttpCalls.Reply withoutMaterial = signIn(terminalId, "003");
        registry.publish(RegistryFixture.masterKeyMaterial(terminalId, 2, second, KeyState.ACTIVE));
        await().atMost(EVENTUALLY).until(() -> signIn(terminalId, "003").status() == 200);
        HttpCalls.Reply withMaterial = signIn(terminalId, "003");

        assertThat(withoutMaterial.problemSlug()).isEqualTo("terminal-master-key-missing");
        String cryptogram = withMaterial.json().path("keys").get(0).path("cryptogram").asString();
        assertThat(TestMasterKeys.checkValue(second.decrypt(cryptogram)))
                .isEqualTo(withMaterial.json().path("keys").get(0).path("checkValue").asString());
    }

    /** Waits until the consumer has processed the event {@code eventId}. */
    private void awaitProcessed(java.util.UUID eventId) {
        await().atMost(EVENTUALLY).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE event_id = ?", Integer.class, eventId) == 1);
    }
}
