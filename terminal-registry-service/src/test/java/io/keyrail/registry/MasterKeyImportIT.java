package io.keyrail.registry;

import static io.keyrail.registry.RegistryApi.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keyrail.events.Topics;
import io.keyrail.hsm.api.key.Exportability;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyUsage;
import io.keyrail.hsm.api.key.ModeOfUse;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.tr31.Tr31Header;
import io.keyrail.hsm.crypto.tr31.Tr31KeyBlocks;
import io.keyrail.hsm.crypto.tr31.Tr31Unwrapping;
import io.keyrail.testing.EventCollector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * TMK import under a transport key and export to a key-loading device. The test plays the other
 * party: it forms the transport key from components it knows, wraps a TMK it knows with the crypto
 * core, and unwraps what the registry exports.
 */
class MasterKeyImportIT extends RegistryIntegrationTest {

    private EventCollector events;

    @BeforeEach
    void subscribe() {
        events = new EventCollector(bootstrapServers(), List.of(Topics.TERMINALS));
    }

    @AfterEach
    void unsubscribe() {
        events.close();
    }

    private String registered() {
        String id = terminalId();
        api.post("/v1/terminals", operator(), TerminalLifecycleIT.terminal(id, merchantId()));
        return id;
    }

    /** Forms a TDES transport key of {@code purpose} from two known components; returns its clear value. */
    private byte[] transportKey(String keyId, String purpose) {
        List<byte[]> components = List.of(TestKeys.tdes2(), TestKeys.tdes2());
        RegistryApi.Response r = api.post("/v1/transport-keys", operator(),
                TestKeys.transportKeyRequest(keyId, purpose, "TDES_2KEY", KeyAlgorithm.TDES, components));
        assertThat(r.status()).isEqualTo(201);
        byte[] clear = TestKeys.combine(KeyAlgorithm.TDES, components);
        assertThat(r.string("checkValue")).isEqualTo(TestKeys.kcv(KeyAlgorithm.TDES, clear));
        assertThat(r.text()).doesNotContain(TestKeys.hex(components.getFirst()));
        return clear;
    }

    private String publishedCheckValue(String terminalId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> events.forKey(terminalId).size() >= 2);
        EventCollector.Received installed = events.forKey(terminalId).get(1);
        assertThat(installed.ceType()).isEqualTo("io.keyrail.terminal.master-key-installed.v1");
        assertThat(installed.schemaErrors()).isEmpty();
        return RegistryApi.JSON.readTree(installed.json()).path("checkValue").asString();
    }

    @Test
    void importsATr31KeyBlockWrappedUnderATransportKey() {
        String keyId = "zmk-" + terminalId();
        byte[] kek = transportKey(keyId, "TRANSPORT");
        byte[] tmk = TestKeys.tdes2();
        String block = Tr31KeyBlocks.wrap(kek, Tr31Header.of(KeyBlockVersion.B, KeyUsage.K0, KeyAlgorithm.TDES,
                ModeOfUse.B, Exportability.E), tmk, null);
        String id = registered();

        RegistryApi.Response r = api.post("/v1/terminals/" + id + "/master-key/import", operator(),
                Map.of("transportKeyId", keyId, "tr31KeyBlock", block));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.string("method")).isEqualTo("KEY_BLOCK_IMPORT");
        assertThat(r.string("checkValue")).isEqualTo(TestKeys.kcv(KeyAlgorithm.TDES, tmk));
        assertThat(publishedCheckValue(id)).isEqualTo(TestKeys.kcv(KeyAlgorithm.TDES, tmk));
        assertThat(api.get("/v1/terminals/" + id, operator()).string("status")).isEqualTo("AWAITING_SIGN_IN");
    }

    @Test
    void refusesAKeyBlockThatWasAlteredOrIsNotAMasterKey() {
        String keyId = "zmk-" + terminalId();
        byte[] kek = transportKey(keyId, "TRANSPORT");
        String block = Tr31KeyBlocks.wrap(kek, Tr31Header.of(KeyBlockVersion.B, KeyUsage.K0, KeyAlgorithm.TDES,
                ModeOfUse.B, Exportability.E), TestKeys.tdes2(), null);
        char last = block.charAt(block.length() - 1);
        String altered = block.substring(0, block.length() - 1) + (last == '0' ? '1' : '0');
        String pinKey = Tr31KeyBlocks.wrap(kek, Tr31Header.of(KeyBlockVersion.B, KeyUsage.P0, KeyAlgorithm.TDES,
                ModeOfUse.B, Exportability.E), TestKeys.tdes2(), null);
        String id = registered();
        String path = "/v1/terminals/" + id + "/master-key/import";

        RegistryApi.Response alteredAnswer = api.post(path, operator(), Map.of("transportKeyId", keyId, "tr31KeyBlock", altered));
        RegistryApi.Response pinKeyAnswer = api.post(path, operator(), Map.of("transportKeyId", keyId, "tr31KeyBlock", pinKey));
        RegistryApi.Response unknownKek = api.post(path, operator(), Map.of("transportKeyId", "nope", "tr31KeyBlock", block));

        assertThat(alteredAnswer.status()).isEqualTo(400);
        assertThat(alteredAnswer.string("type")).isEqualTo("https://keyrail.io/problems/key-block-integrity");
        assertThat(pinKeyAnswer.status()).isEqualTo(400);
        assertThat(pinKeyAnswer.string("type")).isEqualTo("https://keyrail.io/problems/key-usage-mismatch");
        assertThat(unknownKek.status()).isEqualTo(404);
        assertThat(api.get("/v1/terminals/" + id, operator()).string("status")).isEqualTo("REGISTERED");
    }

    @Test
    void importsALegacyCryptogramAndChecksItsCheckValue() {
        String keyId = "zmk-" + terminalId();
        byte[] kek = transportKey(keyId, "TRANSPORT");
        byte[] tmk = TestKeys.tdes2();
        String cryptogram = Hex.encode(BlockCipherKey.of(KeyAlgorithm.TDES, kek).encryptEcb(tmk));
        String kcv = TestKeys.kcv(KeyAlgorithm.TDES, tmk);
        String id = registered();
        String path = "/v1/terminals/" + id + "/master-key/import";

        RegistryApi.Response wrong = api.post(path, operator(), Map.of("transportKeyId", keyId, "cryptogram", cryptogram,
                "checkValue", kcv.equals("000000") ? "111111" : "000000"));
        RegistryApi.Response right = api.post(path, operator(), Map.of("transportKeyId", keyId, "cryptogram", cryptogram,
                "checkValue", kcv));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.string("type")).isEqualTo("https://keyrail.io/problems/check-value-mismatch");
        assertThat(right.status()).isEqualTo(201);
        assertThat(right.string("method")).isEqualTo("CRYPTOGRAM_IMPORT");
        assertThat(publishedCheckValue(id)).isEqualTo(kcv);
    }

    @Test
    void exportsAGeneratedMasterKeyToAKeyLoadingDeviceAsATr31Block() {
        String kldId = "kld-" + terminalId();
        byte[] kldKek = transportKey(kldId, "KEY_LOADING_DEVICE");
        String id = registered();

        RegistryApi.Response r = api.post("/v1/terminals/" + id + "/master-key/key-loading-device", operator(),
                Map.of("kldKeyId", kldId, "version", "B"));

        assertThat(r.status()).isEqualTo(201);
        String block = r.string("keyBlock");
        assertThat(block).startsWith("B");
        Tr31Unwrapping unwrapped = Tr31KeyBlocks.unwrap(kldKek, block);
        assertThat(unwrapped).isInstanceOf(Tr31Unwrapping.Unwrapped.class);
        byte[] tmk = ((Tr31Unwrapping.Unwrapped) unwrapped).key();
        assertThat(((Tr31Unwrapping.Unwrapped) unwrapped).header().keyUsage()).isEqualTo("K0");
        assertThat(TestKeys.kcv(KeyAlgorithm.TDES, tmk)).isEqualTo(r.string("checkValue"));
        assertThat(publishedCheckValue(id)).isEqualTo(r.string("checkValue"));
        JsonNode view = api.get("/v1/terminals/" + id + "/master-key", operator()).body();
        assertThat(view.path("method").asString()).isEqualTo("KEY_LOADING_DEVICE");

        RegistryApi.Response notAKld = api.post("/v1/terminals/" + registered() + "/master-key/key-loading-device",
                operator(), Map.of("kldKeyId", "zmk-" + terminalId(), "version", "B"));
        assertThat(notAKld.status()).isEqualTo(404);
    }

    @Test
    void refusesTransportKeyComponentsThatDoNotMatchTheirCheckValues() {
        byte[] c1 = TestKeys.tdes2();
        byte[] c2 = TestKeys.tdes2();
        RegistryApi.Response r = api.post("/v1/transport-keys", operator(), Map.of("id", "zmk-" + terminalId(),
                "purpose", "TRANSPORT", "keyScheme", "TDES_2KEY", "components", List.of(
                        Map.of("component", TestKeys.hex(c1), "checkValue", TestKeys.kcv(KeyAlgorithm.TDES, c1)),
                        Map.of("component", TestKeys.hex(c2), "checkValue", TestKeys.kcv(KeyAlgorithm.TDES, c1)))));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.string("detail")).isEqualTo("component 2 does not match its check value");
        assertThat(r.text()).doesNotContain(TestKeys.hex(c2));
    }
}
