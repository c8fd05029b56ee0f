package io.keyrail.registry;

import static io.keyrail.registry.RegistryApi.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keyrail.events.CloudEventHeaders;
import io.keyrail.events.EventJson;
import io.keyrail.events.EventType;
import io.keyrail.events.Topics;
import io.keyrail.events.key.IssueCause;
import io.keyrail.events.key.KeyIssued;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import io.keyrail.testing.EventCollector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The registry consuming key rotation's key events, as key rotation would publish them. */
class SignInIT extends RegistryIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private KafkaProducer<String, byte[]> producer;
    private EventCollector events;

    @BeforeEach
    void connect() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        events = new EventCollector(bootstrapServers(), List.of(Topics.TERMINALS, Topics.deadLetter(Topics.KEYS)));
    }

    @AfterEach
    void disconnect() {
        producer.close();
        events.close();
    }

    private String awaitingSignIn() {
        String id = terminalId();
        api.post("/v1/terminals", operator(), TerminalLifecycleIT.terminal(id, merchantId()));
        installMasterKey(id);
        assertThat(status(id)).isEqualTo("AWAITING_SIGN_IN");
        return id;
    }

    private void installMasterKey(String id) {
        assertThat(api.post("/v1/terminals/" + id + "/master-key/components", operator(),
                Map.of("custodians", List.of("kim", "lee"))).status()).isEqualTo(201);
    }

    private String status(String id) {
        return api.get("/v1/terminals/" + id, operator()).string("status");
    }

    private static KeyIssued signIn(String terminalId, String merchantId, UUID eventId) {
        Instant now = Instant.now();
        return new KeyIssued(eventId, now, terminalId, merchantId, WorkingKeyType.TAK, 1, "TDES_2KEY", "77800C",
                KeyState.ACTIVE, now, null, null, IssueCause.SIGN_IN);
    }

    private RecordMetadata send(KeyIssued event) {
        return send(event, null);
    }

    /** Sends {@code event} (to {@code partition} when given, else by its record key); its place in the topic. */
    private RecordMetadata send(KeyIssued event, Integer partition) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.KEYS, partition, event.recordKey(),
                EventJson.write(event));
        CloudEventHeaders.bytesOf(event, EventType.Source.KEY_ROTATION).forEach((k, v) -> r.headers().add(k, v));
        try {
            return producer.send(r).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send the test event", e);
        }
    }

    private List<String> statusChanges(String id) {
        return events.forKey(id).stream().filter(e -> e.ceType().equals("io.keyrail.terminal.status-changed.v1"))
                .map(e -> RegistryApi.JSON.readTree(e.json()).path("reason").asString()).toList();
    }

    @Test
    void aSignInEventDeliveredTwiceHasOneEffect() {
        String id = awaitingSignIn();
        String merchant = api.get("/v1/terminals/" + id, operator()).string("merchantId");
        KeyIssued first = signIn(id, merchant, UUID.randomUUID());

        send(first);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("ACTIVE"));
        installMasterKey(id);
        assertThat(status(id)).isEqualTo("AWAITING_SIGN_IN");
        send(first);
        KeyIssued next = signIn(id, merchant, UUID.randomUUID());
        send(next);

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id = ?", Long.class, next.eventId()) == 1);
        assertThat(status(id)).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(20)).until(() -> statusChanges(id).size() == 4);
        assertThat(statusChanges(id)).containsExactly("MASTER_KEY_INSTALLED", "SIGNED_IN", "MASTER_KEY_INSTALLED",
                "SIGNED_IN");
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Long.class,
                first.eventId())).isEqualTo(1);
    }

    @Test
    void aRecordThatCannotBeParsedGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        String id = awaitingSignIn();
        String merchant = api.get("/v1/terminals/" + id, operator()).string("merchantId");
        ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(Topics.KEYS, id,
                "{not json".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add(CloudEventHeaders.TYPE, "io.keyrail.key.issued.v1".getBytes(StandardCharsets.UTF_8));
        producer.send(garbage);
        ProducerRecord<String, byte[]> untyped = new ProducerRecord<>(Topics.KEYS, id,
                "{}".getBytes(StandardCharsets.UTF_8));
        producer.send(untyped);

        send(signIn(id, merchant, UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("ACTIVE"));
        await().atMost(Duration.ofSeconds(20)).until(() -> events.matching(
                e -> e.topic().equals(Topics.deadLetter(Topics.KEYS)) && id.equals(e.key())).size() == 2);
        assertThat(events.matching(e -> e.topic().equals(Topics.deadLetter(Topics.KEYS)) && id.equals(e.key())))
                .extracting(EventCollector.Received::json).containsExactly("{not json", "{}");
    }

    @Test
    void recordsOfTerminalsNotAwaitingASignInArePassedOverUnread() {
        String registered = terminalId();
        api.post("/v1/terminals", operator(), TerminalLifecycleIT.terminal(registered, merchantId()));

        // Unreadable, but keyed by a terminal that awaits no sign-in: it can have no effect here, so
        // it is not read, nor dead-lettered. Behind it in the same partition, an unreadable record
        // without a key, which is read and dead-lettered: once that has arrived, the first one has
        // been consumed, and had it been dead-lettered, it would have been written to the DLT first
        // (the error handler waits for each send) and fetched by the collector with it or before.
        ProducerRecord<String, byte[]> unread = new ProducerRecord<>(Topics.KEYS, 0, registered,
                "{not json".getBytes(StandardCharsets.UTF_8));
        unread.headers().add(CloudEventHeaders.TYPE, "io.keyrail.key.issued.v1".getBytes(StandardCharsets.UTF_8));
        producer.send(unread);
        String sentinel = "{not json either " + UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topics.KEYS, 0, null, sentinel.getBytes(StandardCharsets.UTF_8)));

        await().atMost(Duration.ofSeconds(30)).until(() -> !events.matching(
                e -> e.topic().equals(Topics.deadLetter(Topics.KEYS)) && sentinel.equals(e.json())).isEmpty());
        assertThat(events.matching(e -> e.topic().equals(Topics.deadLetter(Topics.KEYS)) && registered.equals(e.key())))
                .isEmpty();
        assertThat(status(registered)).isEqualTo("REGISTERED");
    }

    @Test
    void ignoresKeyEventsOtherThanSignInsAndSignInsOfTerminalsNotAwaitingOne() {
        String id = terminalId();
        api.post("/v1/terminals", operator(), TerminalLifecycleIT.terminal(id, merchantId()));
        String merchant = api.get("/v1/terminals/" + id, operator()).string("merchantId");
        KeyIssued signIn = signIn(id, merchant, UUID.randomUUID());
        String marker = awaitingSignIn();
        String markerMerchant = api.get("/v1/terminals/" + marker, operator()).string("merchantId");

        RecordMetadata sent = send(signIn);
        // A sign-in of a terminal awaiting one, behind it in the same partition: once it has had its
        // effect, the first record has been consumed.
        send(signIn(marker, markerMerchant, UUID.randomUUID()), sent.partition());

        await().atMost(Duration.ofSeconds(20)).until(() -> status(marker).equals("ACTIVE"));
        assertThat(status(id)).isEqualTo("REGISTERED");
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Long.class,
                signIn.eventId())).as("an event without effect is not recorded").isZero();
    }
}
