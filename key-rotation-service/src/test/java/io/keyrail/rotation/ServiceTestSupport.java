package io.keyrail.rotation;

import static org.awaitility.Awaitility.await;

import io.keyrail.events.Topics;
import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.events.terminal.TerminalStatusChanged;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.rotation.signin.PospListener;
import io.keyrail.testing.EventCollector;
import io.keyrail.testing.ServiceTestProperties;
import io.keyrail.testing.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running service for every integration test class (same configuration, so Spring's context
 * cache shares it), against the real Kafka broker and PostgreSQL of {@link TestInfrastructure}.
 */
@SpringBootTest(classes = KeyRotationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + KeyRotationApplication.CONFIG_NAME,
                "keyrail.rotation.posp-listener.port=0"})
abstract class ServiceTestSupport {

    static final String DATABASE = "key_rotation";
    static final Duration EVENTUALLY = Duration.ofSeconds(30);

    static RegistryFixture registry;
    static EventCollector published;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PospListener pospListener;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register(registry, DATABASE);
    }

    @BeforeAll
    static void connect() {
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        registry = new RegistryFixture(bootstrap);
        published = new EventCollector(bootstrap, List.of(Topics.KEYS, Topics.KEY_MATERIAL,
                Topics.deadLetter(Topics.TERMINALS), Topics.deadLetter(Topics.KEY_MATERIAL)));
    }

    @AfterAll
    static void disconnect() {
        registry.close();
        published.close();
    }

    HttpCalls http() {
        return new HttpCalls(port);
    }

    /** Calls to the POSP sign-in listener's own port. */
    HttpCalls posp() {
        return new HttpCalls(pospListener.port());
    }

    static String pospToken() {
        return ServiceTestProperties.token("posp-1", "POSP");
    }

    /** A terminal the registry registered with a master key, once the projection lets it sign in. */
    record ReadyTerminal(String terminalId, String merchantId, TestMasterKeys.MasterKey masterKey) {
    }

    /**
     * Registers a new terminal with a master key of {@code scheme}, publishing the registry's events
     * for it, and waits until the projection lets it sign in.
     */
    ReadyTerminal terminalReadyToSignIn(KeyScheme scheme) {
        String terminalId = RegistryFixture.newTerminalId();
        String merchantId = RegistryFixture.newMerchantId();
        TestMasterKeys.MasterKey masterKey = registry.registerWithMasterKey(terminalId, merchantId, scheme);
        awaitSignInReady(terminalId);
        return new ReadyTerminal(terminalId, merchantId, masterKey);
    }

    /** Publishes the registry's status change of {@code terminal} and waits until the projection has it. */
    TerminalStatusChanged changeStatus(ReadyTerminal terminal, TerminalStatus from, TerminalStatus to, String reason) {
        TerminalStatusChanged change = RegistryFixture.statusChanged(terminal.terminalId(), terminal.merchantId(),
                from, to, reason);
        registry.publish(change);
        awaitStatus(terminal.terminalId(), to.name());
        return change;
    }

    /** Waits until the projection holds the terminal with a master key block and a status. */
    void awaitSignInReady(String terminalId) {
        await().atMost(EVENTUALLY).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM terminal WHERE terminal_id = ? AND tmk_key_block IS NOT NULL "
                        + "AND status = 'AWAITING_SIGN_IN' AND merchant_id IS NOT NULL", Integer.class, terminalId) == 1);
    }

    /** Waits until the projection's status of the terminal is {@code status}. */
    void awaitStatus(String terminalId, String status) {
        await().atMost(EVENTUALLY).until(() -> status.equals(jdbc.query(
                "SELECT status FROM terminal WHERE terminal_id = ?", rs -> rs.next() ? rs.getString(1) : null,
                terminalId)));
    }

    HttpCalls.Reply signIn(String terminalId, String mode) {
        return signIn(http(), terminalId, mode);
    }

    /** A sign-in through {@code door}: the service's port ({@link #http()}) or the POSP listener ({@link #posp()}). */
    static HttpCalls.Reply signIn(HttpCalls door, String terminalId, String mode) {
        return door.post("/v1/terminals/" + terminalId + "/sign-in", pospToken(), "{\"mode\":\"" + mode + "\"}");
    }
}
