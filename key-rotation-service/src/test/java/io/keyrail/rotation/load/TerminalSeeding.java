package io.keyrail.rotation.load;

import io.keyrail.events.CloudEventHeaders;
import io.keyrail.events.EventJson;
import io.keyrail.events.EventType;
import io.keyrail.events.KeyrailEvent;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import io.keyrail.events.material.KeyMaterial;
import io.keyrail.events.terminal.MasterKeyInstallation;
import io.keyrail.events.terminal.TerminalMasterKeyInstalled;
import io.keyrail.events.terminal.TerminalRegistered;
import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.events.terminal.TerminalStatusChanged;
import io.keyrail.hsm.api.key.GeneratedKey;
import io.keyrail.hsm.api.key.KeyGeneration;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.software.LmkRing;
import io.keyrail.hsm.software.SoftwareHsm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Makes terminals known to the key-rotation service the way production does: by publishing the
 * terminal registry's events to Kafka (registered, TMK installed, TMK key material, awaiting
 * sign-in), which the service's consumers turn into its projection. The TMKs are generated under
 * the service's LMK (from {@code load.env}) by a software HSM in this process. Load-test code only.
 */
final class TerminalSeeding {

    private static final String MERCHANT = "LOADMERCHANT001";

    private TerminalSeeding() {
    }

    /** {@code count} terminal ids: {@code prefix} followed by a zero-padded number, 8 characters. */
    static List<String> terminalIds(String prefix, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String n = Integer.toString(i);
            ids.add(prefix + "0".repeat(8 - prefix.length() - n.length()) + n);
        }
        return ids;
    }

    static void publish(String bootstrap, String lmks, List<String> ids) {
        KeyGeneration generation = SoftwareHsm.create(LmkRing.fromEnvironment(Map.of(LmkRing.LMKS_VARIABLE, lmks)))
                .keyGeneration();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            for (String id : ids) {
                GeneratedKey tmk = generation.generate(KeyType.TMK, KeyScheme.TDES_2KEY);
                Instant now = Instant.now();
                send(producer, new TerminalRegistered(UUID.randomUUID(), now, id, MERCHANT, "cup-default", "TDES_2KEY",
                        "load", null, TerminalStatus.REGISTERED));
                send(producer, new TerminalMasterKeyInstalled(UUID.randomUUID(), now, id, MERCHANT, 1, "TDES_2KEY",
                        tmk.checkValue().hex(), MasterKeyInstallation.COMPONENTS));
                send(producer, new KeyMaterial(UUID.randomUUID(), now, EventType.Source.TERMINAL_REGISTRY, id,
                        WorkingKeyType.TMK, 1, tmk.keyBlock().value(), tmk.keyBlock().lmkId(), tmk.checkValue().hex(),
                        KeyState.ACTIVE, null));
                send(producer, new TerminalStatusChanged(UUID.randomUUID(), now, id, MERCHANT, TerminalStatus.REGISTERED,
                        TerminalStatus.AWAITING_SIGN_IN, "MASTER_KEY_INSTALLED"));
            }
            producer.flush();
        }
        System.out.println("published the registry events of " + ids.size() + " terminals");
    }

    private static void send(KafkaProducer<String, byte[]> producer, KeyrailEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.type().topic(), event.recordKey(),
                EventJson.write(event));
        CloudEventHeaders.bytesOf(event, EventType.Source.TERMINAL_REGISTRY).forEach(record.headers()::add);
        producer.send(record);
    }

    /** The sum of the end offsets of {@code topic}'s partitions: how many records it has received. */
    static long endOffsets(String bootstrap, String topic) throws InterruptedException, ExecutionException {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
            partitions.forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().values().stream().mapToLong(i -> i.offset()).sum();
        }
    }
}
