package io.keyrail.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code local} command's logic on real components: one KRaft broker, one PostgreSQL, and a
 * stand-in service jar where terminal-registry's build puts its jar (the real services are built
 * elsewhere). Ports are free ones, so a developer's own {@code ./keyrail local} may keep running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRunIT {

    @TempDir
    static Path dir;

    private Path repository;
    private StateDirectory state;
    private LocalService registry;
    private List<LocalService> catalog;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private LocalRun run;

    @BeforeAll
    void startTheRun() {
        repository = dir.resolve("repo");
        state = new StateDirectory(dir.resolve("state"));
        registry = new LocalService("terminal-registry", "terminal-registry-service", Ports.free(), "terminal_registry");
        catalog = new ArrayList<>(LocalService.ALL);
        catalog.set(0, registry);
        FakeServiceJar.writeTo(registry.jar(repository));
        run = newRun();
        run.start();
    }

    private LocalRun newRun() {
        return new LocalRun(new LocalRun.Options(repository, state, null, false, 0, 0, Duration.ofSeconds(60),
                catalog, List.of()), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    void stopTheRun() {
        if (run != null) {
            run.close();
        }
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void saysWhichServicesAreReadyAndWhichAreNotBuilt() {
        assertThat(printed()).contains(
                "ready: terminal-registry http://localhost:" + registry.port() + " (Swagger UI /swagger-ui.html)",
                "not started: key-rotation (not in this checkout yet)",
                "Keyrail is ready");
    }

    @Test
    @Order(2)
    void kafkaAcceptsARecordAndGivesItBack() {
        String topic = "local-run-it";
        produce(topic, "terminal/1", "{\"hello\":1}", Map.of());

        assertThat(consumeAll(topic)).containsExactly("{\"hello\":1}");
    }

    @Test
    @Order(3)
    void postgresHasOneDatabasePerService() throws SQLException {
        for (LocalService s : catalog) {
            try (Connection c = connect(s.database()); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_database()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(s.database());
            }
        }
        try (Connection c = connect(registry.database()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE survives_restart (id int)");
            st.execute("INSERT INTO survives_restart VALUES (42)");
        }
    }

    @Test
    @Order(4)
    void theServiceRunsWithTheRunsBrokerDatabaseLmkAndIssuer() throws Exception {
        String env = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + registry.port() + "/env")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(env.lines()).contains(
                "SERVER_PORT=" + registry.port(),
                "SPRING_KAFKA_BOOTSTRAP_SERVERS=" + run.kafkaBootstrapServers(),
                "SPRING_DATASOURCE_URL=" + run.jdbcUrl("terminal_registry"),
                "KEYRAIL_HSM_LMKKEYSTORE=" + state.lmkKeystore(),
                "KEYRAIL_SECURITY_LOCALISSUERPUBLICKEY=" + state.issuerPublicKey());
        assertThat(state.kafkaBootstrap()).contains(run.kafkaBootstrapServers());
        assertThat(Files.readString(state.log("terminal-registry"))).contains("fake service listening");
    }

    @Test
    @Order(5)
    void eventsTailPrintsEachRecordAsOneJsonLineWithItsCloudEventsHeaders() {
        String topic = "keyrail.keys.v1";
        Map<String, String> ce = new LinkedHashMap<>();
        ce.put("ce_specversion", "1.0");
        ce.put("ce_type", "io.keyrail.key.issued.v1");
        ce.put("ce_source", "/keyrail/key-rotation");
        ce.put("content-type", "application/json");
        produce(topic, "12345678", "{\"terminalId\":\"12345678\",\"keyType\":\"TAK\",\"version\":1}", ce);
        produce(topic, "12345678", "{\"terminalId\":\"12345678\",\"keyType\":\"TPK\",\"version\":1}", ce);

        Cli cli = Cli.run("events", "tail", "--topic", topic, "--from-beginning", "--max", "2", "--timeout", "PT30S",
                "--state-dir", state.root().toString());

        assertThat(cli.status()).as(cli.err()).isZero();
        assertThat(cli.out().lines()).containsExactly(
                "{\"topic\":\"keyrail.keys.v1\",\"partition\":0,\"offset\":0,\"key\":\"12345678\",\"headers\":"
                        + "{\"ce_specversion\":\"1.0\",\"ce_type\":\"io.keyrail.key.issued.v1\",\"ce_source\":"
                        + "\"/keyrail/key-rotation\",\"content-type\":\"application/json\"},\"data\":"
                        + "{\"terminalId\":\"12345678\",\"keyType\":\"TAK\",\"version\":1}}",
                "{\"topic\":\"keyrail.keys.v1\",\"partition\":0,\"offset\":1,\"key\":\"12345678\",\"headers\":"
                        + "{\"ce_specversion\":\"1.0\",\"ce_type\":\"io.keyrail.key.issued.v1\",\"ce_source\":"
                        + "\"/keyrail/key-rotation\",\"content-type\":\"application/json\"},\"data\":"
                        + "{\"terminalId\":\"12345678\",\"keyType\":\"TPK\",\"version\":1}}");
    }

    @Test
    @Order(6)
    void eventsTailFailsWhenFewerThanMaxRecordsArriveBeforeTheTimeout() {
        Cli cli = Cli.run("events", "tail", "--topic", "keyrail.keys.v1", "--max", "1", "--timeout", "PT2S",
                "--state-dir", state.root().toString());

        assertThat(cli.status()).isEqualTo(Main.EXIT_FAILED);
        assertThat(cli.err()).contains("keyrail: timed out after PT2S with 0 of 1 records");
    }

    @Test
    @Order(7)
    void aSecondRunOnTheSameStateDirectoryIsRefused() {
        LocalRun second = newRun();

        org.assertj.core.api.Assertions.assertThatThrownBy(second::start).isInstanceOf(CommandFailure.class)
                .hasMessageStartingWith("another ./keyrail local is running with " + state.root());
    }

    @Test
    @Order(8)
    void stoppingEndsTheServiceBrokerAndPostgresAndARestartKeepsTheirData() throws Exception {
        ServiceProcess service = run.services().getFirst();
        String bootstrap = run.kafkaBootstrapServers();
        int postgresPort = URI.create(run.jdbcUrl("x").substring(5)).getPort();

        run.close();

        assertThat(service.process().isAlive()).isFalse();
        assertThat(listening(postgresPort)).isFalse();
        assertThat(listening(URI.create("kafka://" + bootstrap).getPort())).isFalse();
        assertThat(state.pids()).doesNotExist();

        run = newRun();
        run.start();

        assertThat(consumeAll("local-run-it")).containsExactly("{\"hello\":1}");
        try (Connection c = connect(registry.database()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM survives_restart")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(run.jdbcUrl(database), LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void produce(String topic, String key, String value, Map<String, String> headers) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, run.kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new AssertionError("cannot produce to " + topic, e);
        }
    }

    private List<String> consumeAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, run.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "local-run-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
                return !values.isEmpty();
            });
        }
        return values;
    }
}
