package io.keyrail.rotation;

import io.keyrail.events.CloudEventHeaders;
import io.keyrail.events.EventJson;
import io.keyrail.events.EventType;
import io.keyrail.events.KeyrailEvent;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import io.keyrail.events.material.KeyMaterial;
import io.keyrail.events.terminal.MasterKeyInstallation;
import io.keyrail.events.terminal.TerminalMasterKeyDestroyed;
import io.keyrail.events.terminal.TerminalMasterKeyInstalled;
import io.keyrail.events.terminal.TerminalRegistered;
import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.events.terminal.TerminalStatusChanged;
import io.keyrail.hsm.api.key.KeyScheme;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Plays the terminal registry: publishes its events to Kafka as it does (CloudEvents binary-mode
 * headers, JSON payload, keyed by terminal id; key material keyed {@code terminal/<id>/TMK}).
 */
public final class RegistryFixture implements AutoCloseable {

    private static final String SOURCE = EventType.Source.TERMINAL_REGISTRY;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final DefaultKafkaProducerFactory<String, byte[]> factory;
    private final KafkaTemplate<String, byte[]> kafka;

    public RegistryFixture(String bootstrapServers) {
        factory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 1),
                new StringSerializer(), new ByteArraySerializer());
        kafka = new KafkaTemplate<>(factory);
    }

    /** A terminal id no other test uses. */
    public static String newTerminalId() {
        return random(8);
    }

    public static String newMerchantId() {
        return random(15);
    }

    private static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }

    /** Publishes {@code event} as the registry does and waits for the broker's acknowledgement. */
    public void publish(KeyrailEvent event) {
        send(event.type().topic(), event.recordKey(), CloudEventHeaders.bytesOf(event, SOURCE), EventJson.write(event));
    }

    /** Publishes {@code event} without waiting (bulk seeding). */
    public void publishAsync(KeyrailEvent event) {
        kafka.send(record(event.type().topic(), event.recordKey(), CloudEventHeaders.bytesOf(event, SOURCE),
                EventJson.write(event)));
    }

    /** Publishes an arbitrary record: for poison records. */
    public void send(String topic, String key, Map<String, byte[]> headers, byte[] value) {
        try {
            kafka.send(record(topic, key, headers, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    public void flush() {
        kafka.flush();
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, Map<String, byte[]> headers,
                                                         byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((k, v) -> record.headers().add(k, v));
        return record;
    }

    public static TerminalRegistered registered(String terminalId, String merchantId) {
        return new TerminalRegistered(UUID.randomUUID(), Instant.now(), terminalId, merchantId, "cup-default",
                "TDES_2KEY", "PAX A920", "Shop 1", TerminalStatus.REGISTERED);
    }

    public static TerminalMasterKeyInstalled installed(String terminalId, String merchantId, int version,
                                                       TestMasterKeys.MasterKey tmk) {
        return new TerminalMasterKeyInstalled(UUID.randomUUID(), Instant.now(), terminalId, merchantId, version,
                tmk.scheme().name(), tmk.checkValue(), MasterKeyInstallation.COMPONENTS);
    }

    public static KeyMaterial masterKeyMaterial(String terminalId, int version, TestMasterKeys.MasterKey tmk,
                                                KeyState state) {
        return new KeyMaterial(UUID.randomUUID(), Instant.now(), SOURCE, terminalId, WorkingKeyType.TMK, version,
                tmk.keyBlock().value(), tmk.keyBlock().lmkId(), tmk.checkValue(), state, null);
    }

    public static TerminalStatusChanged statusChanged(String terminalId, String merchantId, TerminalStatus from,
                                                      TerminalStatus to, String reason) {
        return new TerminalStatusChanged(UUID.randomUUID(), Instant.now(), terminalId, merchantId, from, to, reason);
    }

    public static TerminalMasterKeyDestroyed masterKeyDestroyed(String terminalId, String merchantId, int version) {
        return new TerminalMasterKeyDestroyed(UUID.randomUUID(), Instant.now(), terminalId, merchantId, version,
                "COMPROMISED");
    }

    /**
     * Registers a terminal and installs a TMK of {@code scheme}, with the events the registry
     * publishes for it: registered, master key installed, key material (TMK), awaiting sign-in.
     */
    public TestMasterKeys.MasterKey registerWithMasterKey(String terminalId, String merchantId, KeyScheme scheme) {
        TestMasterKeys.MasterKey tmk = TestMasterKeys.create(scheme);
        publish(registered(terminalId, merchantId));
        publish(installed(terminalId, merchantId, 1, tmk));
        publish(masterKeyMaterial(terminalId, 1, tmk, KeyState.ACTIVE));
        publish(statusChanged(terminalId, merchantId, TerminalStatus.REGISTERED, TerminalStatus.AWAITING_SIGN_IN,
                "MASTER_KEY_INSTALLED"));
        return tmk;
    }

    /**
     * Publishes a terminal update that changes nothing, on the terminal's partition: once it is
     * processed, everything published for the terminal before it has been consumed.
     */
    public java.util.UUID publishMarker(String terminalId, String merchantId) {
        var marker = new io.keyrail.events.terminal.TerminalUpdated(UUID.randomUUID(), Instant.now(), terminalId,
                merchantId, null, null);
        publish(marker);
        return marker.eventId();
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        factory.destroy();
    }
}
