package io.keyrail.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keyrail.events.Topics;
import io.keyrail.local.RecordingHttp.Answer;
import io.keyrail.testing.EventCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * End to end on the shipped service jars, run as {@code ./keyrail local} runs them ({@link ShippedJarsRun}).
 * One terminal per CUP sign-in mode is registered, gets its TMK from clear components that its custodians
 * fetch, and signs in. The test then plays the terminal (field 62 decrypted under the TMK it formed from
 * the components, every check value checked), a subscribing bank system (each terminal's events in
 * order, schema-valid, with CloudEvents headers that match the payload) and an auditor (no clear
 * component or key in any log, event or HTTP answer of the whole run, the components' own answers
 * aside). The steps run in order and share what they learnt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final String MERCHANT = "E2EMERCHANT0001";
    /** How long events may take to travel registry -> Kafka -> key rotation, or to a subscriber. */
    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    /** One terminal per CUP mode, with the key scheme its TMK needs to carry the mode's keys. */
    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("E2E00001", "DES_SINGLE", List.of("alice", "bob"), CupMode.SINGLE_LENGTH),
            new Scenario("E2E00003", "TDES_2KEY", List.of("carol", "dave"), CupMode.DOUBLE_LENGTH),
            new Scenario("E2E00004", "TDES_2KEY", List.of("erin", "frank", "grace"), CupMode.DOUBLE_LENGTH_WITH_TDK));

    private record Scenario(String terminalId, String keyScheme, List<String> custodians, CupMode mode) {
    }

    private ShippedJarsRun run;
    private final RecordingHttp http = new RecordingHttp();
    /** Every clear component and key of the run; never printed. */
    private final ClearMaterial secrets = new ClearMaterial();
    /** Per terminal: the TMK as the terminal formed it from its components. */
    private final Map<String, byte[]> masterKeys = new LinkedHashMap<>();
    /** Per terminal: the TMK's combined check value as the registry answered it. */
    private final Map<String, String> masterKeyCheckValues = new LinkedHashMap<>();
    /** Per terminal: the working keys of its sign-in as field 62 carried them. */
    private final Map<String, List<Field62.Entry>> issuedKeys = new LinkedHashMap<>();

    @BeforeAll
    void startTheShippedServiceJars() {
        run = ShippedJarsRun.start(Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize());
    }

    @AfterAll
    void stopEverything() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    @Order(1)
    void registersOneTerminalPerCupModeWithTheKeySchemeItNeeds() {
        for (Scenario s : SCENARIOS) {
            Answer answer = http.post(run.registry().url() + "/v1/terminals", token("olivia", "OPERATOR"), Map.of(
                    "terminalId", s.terminalId(), "merchantId", MERCHANT, "acquirerProfile", "cup-default",
                    "keyScheme", s.keyScheme(), "model", "PAX A920", "location", "End-to-end test bench"));

            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            assertThat(answer.text("status")).isEqualTo("REGISTERED");
            assertThat(answer.text("keyScheme")).isEqualTo(s.keyScheme());
        }
    }

    @Test
    @Order(2)
    void installsEachMasterKeyFromComponentsThatOnlyTheirOwnCustodianFetchesOnce() {
        for (Scenario s : SCENARIOS) {
            String base = run.registry().url() + "/v1/terminals/" + s.terminalId() + "/master-key";
            Answer installed = http.post(base + "/components", token("olivia", "OPERATOR"),
                    Map.of("custodians", s.custodians()));
            assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
            assertThat(installed.json().path("version").asInt()).isEqualTo(1);
            assertThat(installed.text("method")).isEqualTo("COMPONENTS");
            assertThat(installed.json().path("components")).hasSize(s.custodians().size());
            String combined = installed.text("checkValue");
            assertThat(combined).matches("[0-9A-F]{6}");

            int n = s.custodians().size();
            List<byte[]> components = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String custodian = s.custodians().get(i - 1);
                String other = s.custodians().get(i % n);
                Answer fetched = http.getClearComponent(base + "/components/" + i, token(custodian, "CUSTODIAN"));
                assertThat(fetched.status()).as("%s fetching component %d: HTTP %d", custodian, i, fetched.status())
                        .isEqualTo(200);
                assertThat(fetched.json().path("number").asInt()).isEqualTo(i);
                assertThat(fetched.json().path("of").asInt()).isEqualTo(n);
                byte[] component = TerminalCrypto.HEX.parseHex(fetched.text("component"));
                assertThat(component).hasSize(schemeLength(s.keyScheme()));
                assertThat(fetched.text("checkValue")).as("check value of component %d of %s", i, s.terminalId())
                        .isEqualTo(TerminalCrypto.checkValue(component, 3));
                components.add(component);
                secrets.add("component " + i + " of " + s.terminalId() + "'s TMK", component);

                Answer again = http.getClearComponent(base + "/components/" + i, token(custodian, "CUSTODIAN"));
                assertThat(again.status()).as(again.toString()).isEqualTo(409);
                assertThat(again.problemSlug()).isEqualTo("component-released");
                Answer notTheirs = http.getClearComponent(base + "/components/" + i, token(other, "CUSTODIAN"));
                assertThat(notTheirs.status()).as(notTheirs.toString()).isEqualTo(403);
                assertThat(notTheirs.problemSlug()).isEqualTo("not-your-component");
            }

            byte[] tmk = TerminalCrypto.formFromComponents(components);
            assertThat(TerminalCrypto.checkValue(tmk, 3)).as("check value of the TMK formed from the components of %s",
                    s.terminalId()).isEqualTo(combined);
            masterKeys.put(s.terminalId(), tmk);
            masterKeyCheckValues.put(s.terminalId(), combined);
            secrets.add(s.terminalId() + "'s TMK", tmk);
            secrets.add(s.terminalId() + "'s TMK before its parity is set", xor(components));

            Answer custody = http.get(base, token("olivia", "OPERATOR"));
            assertThat(custody.json().path("components").valueStream().map(c -> c.path("released").asBoolean()))
                    .as(custody.toString()).containsOnly(true);
            assertThat(http.get(run.registry().url() + "/v1/terminals/" + s.terminalId(), token("olivia", "OPERATOR"))
                    .text("status")).isEqualTo("AWAITING_SIGN_IN");
        }
    }

    @Test
    @Order(3)
    void signsInEachModeWithField62KeysThatDecryptUnderTheTmkToTheirCheckValues() {
        Set<String> distinctKeys = new HashSet<>();
        for (Scenario s : SCENARIOS) {
            byte[] tmk = masterKeys.get(s.terminalId());
            assertThat(tmk).as("the TMK of %s (installed by the previous step)", s.terminalId()).isNotNull();
            // Both doors of sign-in: the service's port (Spring MVC) and the POSP listener, by turns.
            String door = SCENARIOS.indexOf(s) % 2 == 0 ? run.rotation().url() : run.rotation().pospUrl();
            Answer signedIn = signInOnceKeyRotationKnowsTheTerminal(door, s.terminalId(), s.mode().code());
            assertThat(signedIn.text("terminalId")).isEqualTo(s.terminalId());
            assertThat(signedIn.text("mode")).isEqualTo(s.mode().code());

            String field = signedIn.text("field62");
            List<Field62.Entry> entries = Field62.read(s.mode(), field);
            JsonNode keys = signedIn.json().path("keys");
            assertThat(keys).as("the JSON key list of %s", s.terminalId()).hasSize(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                Field62.Entry e = entries.get(i);
                JsonNode listed = keys.get(i);
                String what = s.mode().code() + " " + e.keyType() + " of " + s.terminalId();
                assertThat(listed.path("keyType").asString()).as(what).isEqualTo(e.keyType());
                assertThat(listed.path("version").asInt()).as(what).isEqualTo(1);
                assertThat(listed.path("cryptogram").asString()).as(what).isEqualTo(e.cryptogram());
                assertThat(listed.path("checkValue").asString()).as(what).isEqualTo(e.checkValue());

                byte[] key = TerminalCrypto.decryptEcb(tmk, TerminalCrypto.HEX.parseHex(e.cryptogram()));
                assertThat(TerminalCrypto.checkValue(key, 4)).as("check value of the %s decrypted under the TMK", what)
                        .isEqualTo(e.checkValue());
                assertThat(TerminalCrypto.hasOddParity(key)).as("odd parity of the %s", what).isTrue();
                String hex = TerminalCrypto.HEX.formatHex(key);
                if (key.length == 16) {
                    assertThat(hex.substring(0, 16)).as("K1 and K2 of the %s differ", what).isNotEqualTo(hex.substring(16));
                }
                assertThat(distinctKeys.add(hex)).as("the %s is unique", what).isTrue();
                secrets.add("the " + what, key);
            }
            issuedKeys.put(s.terminalId(), entries);
        }

        Answer refused = http.post(run.rotation().url() + "/v1/terminals/E2E00001/sign-in", token("posp-1", "POSP"),
                Map.of("mode", "003"));
        assertThat(refused.status()).as("a single-length TMK carrying double-length keys: %s", refused).isEqualTo(409);
        assertThat(refused.problemSlug()).isEqualTo("terminal-master-key-refused");
    }

    @Test
    @Order(4)
    void publishesEachTerminalsEventsInOrderWithValidSchemasAndMatchingCloudEventsHeaders() {
        assertThat(issuedKeys).as("the sign-ins of the previous step").hasSize(SCENARIOS.size());
        await("every terminal's events on the public topics and the key-material topic")
                .atMost(PROPAGATION).pollInterval(Duration.ofMillis(200))
                .until(() -> SCENARIOS.stream().allMatch(s -> {
                    int keys = issuedKeys.get(s.terminalId()).size();
                    return published(Topics.TERMINALS, s.terminalId()).size() >= 4
                            && published(Topics.KEYS, s.terminalId()).size() >= keys
                            && materialOf(s.terminalId()).size() >= keys + 1;
                }));

        List<EventCollector.Received> all = run.events().all();
        for (EventCollector.Received r : all) {
            PublishedEvents.assertValid(r);
        }
        for (Scenario s : SCENARIOS) {
            String id = s.terminalId();
            String tmkCheckValue = masterKeyCheckValues.get(id);
            List<Field62.Entry> keys = issuedKeys.get(id);

            assertThat(PublishedEvents.describe(published(Topics.TERMINALS, id))).as("terminal events of %s", id)
                    .containsExactly(
                            "registered " + MERCHANT + " " + s.keyScheme() + " REGISTERED",
                            "master-key-installed v1 " + s.keyScheme() + " " + tmkCheckValue + " COMPONENTS",
                            "status-changed REGISTERED>AWAITING_SIGN_IN MASTER_KEY_INSTALLED",
                            "status-changed AWAITING_SIGN_IN>ACTIVE SIGNED_IN");
            assertThat(PublishedEvents.describe(published(Topics.KEYS, id))).as("key events of %s", id)
                    .containsExactlyElementsOf(keys.stream().map(k -> "key-issued " + k.keyType() + " v1 "
                            + (k.keyLength() == 8 ? "DES_SINGLE" : "TDES_2KEY") + " " + k.checkValue()
                            + " ACTIVE SIGN_IN").toList());
            List<String> material = new ArrayList<>();
            material.add("key-material TMK v1 " + tmkCheckValue + " ACTIVE /keyrail/terminal-registry");
            keys.forEach(k -> material.add("key-material " + k.keyType() + " v1 " + k.checkValue()
                    + " ACTIVE /keyrail/key-rotation"));
            assertThat(PublishedEvents.describe(materialOf(id))).as("key material of %s", id)
                    .containsExactlyInAnyOrderElementsOf(material);
            Instant installedAt = PublishedEvents.occurredAt(published(Topics.TERMINALS, id)).get(1);
            assertThat(PublishedEvents.occurredAt(published(Topics.KEYS, id)))
                    .as("%s's keys are issued after its master key is installed", id)
                    .allMatch(issuedAt -> !issuedAt.isBefore(installedAt));
        }
    }

    @Test
    @Order(5)
    void leavesNoClearKeyInAnyLogEventOrAnswerOfTheWholeRun() throws IOException {
        assertThat(secrets.size()).as("the clear components and keys of the previous steps").isGreaterThan(20);
        List<EventCollector.Received> published = run.events().all();
        run.stop(); // the services' shutdown belongs to the run's logs too

        Map<String, List<String>> corpus = new LinkedHashMap<>(run.logFiles());
        corpus.put("this JVM's logs", run.jvmLogLines());
        corpus.put("the launcher's output", run.launcherOutput());
        corpus.put("HTTP answers other than clear components", http.recordedBodies());
        corpus.put("Kafka records", published.stream().map(r -> r.headers() + " " + r.json()).toList());

        for (LocalService s : List.of(run.registry(), run.rotation())) {
            assertThat(corpus.get(s.name() + ".log")).as("%s's log", s.name())
                    .anyMatch(line -> line.contains("Started "));
        }
        assertThat(corpus.get("this JVM's logs")).as("the broker's log lines in this JVM").isNotEmpty();
        assertThat(String.join("\n", corpus.get("HTTP answers other than clear components")))
                .as("the answers that were scanned").contains(masterKeyCheckValues.values());
        assertThat(secrets.foundIn(corpus)).as("clear key material outside the custodians' component answers")
                .isEmpty();
    }

    private Answer signInOnceKeyRotationKnowsTheTerminal(String door, String terminalId, String mode) {
        Answer[] last = new Answer[1];
        // Key rotation learns of the terminal and its TMK from the registry's events: until then it answers
        // terminal-unknown or terminal-master-key-missing, and anything else is a failure at once.
        await("key rotation signing " + terminalId + " in").atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    Answer a = http.post(door + "/v1/terminals/" + terminalId + "/sign-in",
                            token("posp-1", "POSP"), Map.of("mode", mode));
                    last[0] = a;
                    if (a.status() == 200) {
                        return true;
                    }
                    if (Set.of("terminal-unknown", "terminal-master-key-missing").contains(a.problemSlug())) {
                        return false;
                    }
                    throw new AssertionError("sign-in of " + terminalId + " in mode " + mode + ": " + a);
                });
        return last[0];
    }

    private List<EventCollector.Received> published(String topic, String terminalId) {
        return run.events().matching(r -> r.topic().equals(topic) && terminalId.equals(r.key()));
    }

    private List<EventCollector.Received> materialOf(String terminalId) {
        return run.events().matching(r -> r.topic().equals(Topics.KEY_MATERIAL) && r.key() != null
                && r.key().startsWith("terminal/" + terminalId + "/"));
    }

    private String token(String user, String role) {
        return run.token(user, role);
    }

    private static int schemeLength(String scheme) {
        return switch (scheme) {
            case "DES_SINGLE" -> 8;
            case "TDES_2KEY" -> 16;
            default -> throw new IllegalArgumentException(scheme);
        };
    }

    private static byte[] xor(List<byte[]> components) {
        byte[] out = new byte[components.getFirst().length];
        for (byte[] c : components) {
            for (int i = 0; i < out.length; i++) {
                out[i] ^= c[i];
            }
        }
        return out;
    }
}
