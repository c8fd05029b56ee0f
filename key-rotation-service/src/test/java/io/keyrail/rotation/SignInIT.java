package io.keyrail.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keyrail.events.CloudEventHeaders;
import io.keyrail.events.Topics;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.testing.EventCollector;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class SignInIT extends ServiceTestSupport {

    @ParameterizedTest(name = "mode {0} through the {3}: field 62 of {1} bytes")
    @CsvSource({"001, 24, TPK:8 TAK:8, service port", "003, 40, TPK:16 TAK:8, service port",
            "004, 60, TPK:16 TAK:8 TDK:16, service port", "001, 24, TPK:8 TAK:8, POSP listener",
            "003, 40, TPK:16 TAK:8, POSP listener", "004, 60, TPK:16 TAK:8 TDK:16, POSP listener"})
    void signInReturnsField62ThatTheTerminalOpensWithItsMasterKey(String mode, int fieldLength, String layout,
                                                                 String door) {
        ReadyTerminal terminal = terminalReadyToSignIn(KeyScheme.TDES_2KEY);
        String terminalId = terminal.terminalId();
        TestMasterKeys.MasterKey tmk = terminal.masterKey();

        HttpCalls.Reply reply = signIn(door.equals("POSP listener") ? posp() : http(), terminalId, mode);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("terminalId").asString()).isEqualTo(terminalId);
        assertThat(body.path("mode").asString()).isEqualTo(mode);
        byte[] field62 = Hex.decode(body.path("field62").asString(), "field 62");
        assertThat(field62).hasSize(fieldLength);

        String[] slots = layout.split(" ");
        JsonNode keys = body.path("keys");
        assertThat(keys).hasSize(slots.length);
        int offset = 0;
        for (int i = 0; i < slots.length; i++) {
            String keyType = slots[i].split(":")[0];
            int keyLength = Integer.parseInt(slots[i].split(":")[1]);
            int slotLength = mode.equals("001") ? 8 : 16;
            JsonNode key = keys.get(i);
            assertThat(key.path("keyType").asString()).isEqualTo(keyType);
            assertThat(key.path("version").asInt()).isEqualTo(1);

            byte[] cryptogram = Arrays.copyOfRange(field62, offset, offset + keyLength);
            byte[] padding = Arrays.copyOfRange(field62, offset + keyLength, offset + slotLength);
            byte[] checkValue = Arrays.copyOfRange(field62, offset + slotLength, offset + slotLength + 4);
            offset += slotLength + 4;

            assertThat(padding).as("%s slot padding", keyType).isEqualTo(new byte[slotLength - keyLength]);
            assertThat(Hex.encode(cryptogram)).isEqualTo(key.path("cryptogram").asString());
            byte[] clearKey = tmk.decrypt(Hex.encode(cryptogram));
            assertThat(TestMasterKeys.checkValue(clearKey)).as("%s check value", keyType)
                    .isEqualTo(Hex.encode(checkValue))
                    .isEqualTo(key.path("checkValue").asString());
        }
        assertThat(offset).isEqualTo(fieldLength);
        awaitStatus(terminalId, "ACTIVE");
    }

    @Test
    void everySignInIssuesTheNextVersionsAndKeepsThePreviousOneAcceptedForTheOverlap() {
        String terminalId = terminalReadyToSignIn(KeyScheme.TDES_2KEY).terminalId();

        HttpCalls.Reply first = signIn(terminalId, "003");
        HttpCalls.Reply second = signIn(terminalId, "003");
        HttpCalls.Reply third = signIn(terminalId, "004");

        assertThat(first.json().path("keys").get(0).path("version").asInt()).isEqualTo(1);
        assertThat(second.json().path("keys").get(0).path("version").asInt()).isEqualTo(2);
        JsonNode thirdKeys = third.json().path("keys");
        assertThat(thirdKeys.get(0).path("version").asInt()).as("TPK").isEqualTo(3);
        assertThat(thirdKeys.get(1).path("version").asInt()).as("TAK").isEqualTo(3);
        assertThat(thirdKeys.get(2).path("version").asInt()).as("first TDK").isEqualTo(1);

        Instant issuedAt = Instant.parse(third.json().path("issuedAt").asString());
        JsonNode versions = http().get("/v1/terminals/" + terminalId + "/key-versions",
                io.keyrail.testing.ServiceTestProperties.token("auditor-1", "AUDITOR")).json();
        assertThat(states(versions, "TPK")).as("only the version superseded last stays accepted")
                .containsExactly("3:ACTIVE", "2:ACCEPTED", "1:RETIRED");
        assertThat(states(versions, "TAK")).containsExactly("3:ACTIVE", "2:ACCEPTED", "1:RETIRED");
        assertThat(states(versions, "TDK")).containsExactly("1:ACTIVE");
        JsonNode tpk2 = find(versions, "TPK", 2);
        assertThat(Instant.parse(tpk2.path("acceptedUntil").asString())).isEqualTo(issuedAt.plus(Duration.ofMinutes(30)));
        JsonNode tpk1 = find(versions, "TPK", 1);
        assertThat(Instant.parse(tpk1.path("acceptedUntil").asString())).as("retired when version 3 was issued")
                .isEqualTo(issuedAt);
        assertThat(versions.toString()).doesNotContain("keyBlock");
    }

    @Test
    void eachIssuedKeyIsPublishedAsKeyIssuedAndKeyMaterialKeyedByTheTerminal() {
        ReadyTerminal terminal = terminalReadyToSignIn(KeyScheme.TDES_2KEY);
        String terminalId = terminal.terminalId();
        String merchantId = terminal.merchantId();
        signIn(terminalId, "003");
        JsonNode second = signIn(terminalId, "003").json();

        await().atMost(EVENTUALLY).until(() -> published.forKey(terminalId).size() == 4);
        List<EventCollector.Received> issued = published.forKey(terminalId);
        assertThat(issued).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo(Topics.KEYS);
            assertThat(r.ceType()).isEqualTo("io.keyrail.key.issued.v1");
            assertThat(r.headers()).containsEntry(CloudEventHeaders.SOURCE, "/keyrail/key-rotation")
                    .containsEntry(CloudEventHeaders.SUBJECT, "terminal/" + terminalId);
            assertThat(r.schemaErrors()).isEmpty();
        });
        JsonNode tak2 = issued.stream().map(r -> io.keyrail.events.EventJson.tree(RegistryFixture.utf8(r.json())))
                .filter(j -> j.path("keyType").asString().equals("TAK") && j.path("version").asInt() == 2)
                .findFirst().orElseThrow();
        assertThat(tak2.path("merchantId").asString()).isEqualTo(merchantId);
        assertThat(tak2.path("previousVersion").asInt()).isEqualTo(1);
        assertThat(tak2.path("state").asString()).isEqualTo("ACTIVE");
        assertThat(tak2.path("cause").asString()).isEqualTo("SIGN_IN");
        assertThat(tak2.path("algorithm").asString()).isEqualTo("DES_SINGLE");
        assertThat(tak2.path("checkValue").asString()).isEqualTo(second.path("keys").get(1).path("checkValue").asString());
        assertThat(Instant.parse(tak2.path("previousAcceptedUntil").asString()))
                .isEqualTo(Instant.parse(second.path("issuedAt").asString()).plus(Duration.ofMinutes(30)));

        String materialKey = "terminal/" + terminalId + "/TAK";
        await().atMost(EVENTUALLY).until(() -> published.forKey(materialKey).size() == 2);
        EventCollector.Received material = published.forKey(materialKey).get(1);
        assertThat(material.topic()).isEqualTo(Topics.KEY_MATERIAL);
        assertThat(material.schemaErrors()).isEmpty();
        JsonNode m = io.keyrail.events.EventJson.tree(RegistryFixture.utf8(material.json()));
        assertThat(m.path("version").asInt()).isEqualTo(2);
        assertThat(m.path("source").asString()).isEqualTo("/keyrail/key-rotation");
        KeyBlock block = new KeyBlock(m.path("lmkId").asString(), m.path("keyBlock").asString());
        assertThat(block.header()).startsWith("D").contains("M3D");
        assertThat(TestMasterKeys.checkValueOf(block)).isEqualTo(m.path("checkValue").asString())
                .isEqualTo(tak2.path("checkValue").asString());
    }

    @Test
    void eachTerminalsKeyEventsReachKafkaInTheOrderTheyWereIssued() {
        String terminalId = terminalReadyToSignIn(KeyScheme.TDES_2KEY).terminalId();
        int signIns = 25;

        for (int i = 0; i < signIns; i++) {
            assertThat(signIn(terminalId, "001").status()).isEqualTo(200);
        }

        String materialKey = "terminal/" + terminalId + "/TAK";
        await().atMost(EVENTUALLY).until(() -> published.forKey(materialKey).size() == signIns
                && published.forKey(terminalId).size() == 2 * signIns);
        assertThat(versions(published.forKey(materialKey))).as("key material of the TAK, in offset order")
                .isSorted().doesNotHaveDuplicates();
        assertThat(versions(published.forKey(terminalId).stream()
                .filter(r -> r.json().contains("\"keyType\":\"TAK\"")).toList()))
                .as("KeyIssued of the TAK, in offset order").isSorted().doesNotHaveDuplicates().hasSize(signIns);
    }

    private static List<Integer> versions(List<EventCollector.Received> records) {
        return records.stream().map(r -> io.keyrail.events.EventJson.tree(RegistryFixture.utf8(r.json()))
                .path("version").asInt()).toList();
    }

    private static List<String> states(JsonNode versions, String keyType) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode v : versions) {
            if (v.path("keyType").asString().equals(keyType)) {
                out.add(v.path("version").asInt() + ":" + v.path("state").asString());
            }
        }
        return out;
    }

    private static JsonNode find(JsonNode versions, String keyType, int version) {
        for (JsonNode v : versions) {
            if (v.path("keyType").asString().equals(keyType) && v.path("version").asInt() == version) {
                return v;
            }
        }
        throw new AssertionError(keyType + " v" + version + " not listed");
    }
}
