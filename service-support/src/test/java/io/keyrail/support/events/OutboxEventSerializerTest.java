package io.keyrail.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.events.KeyrailEvent;
import io.keyrail.events.key.IssueCause;
import io.keyrail.events.key.KeyIssued;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * With batched outbox writes on, the outbox serializes with {@link OutboxEventSerializer} (in place
 * of Modulith's Jackson serializer): the application's mapper, looked up once, and rows that read
 * back to the same events.
 */
class OutboxEventSerializerTest {

    private final AtomicInteger mapperLookups = new AtomicInteger();
    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OutboxBatchingAutoConfiguration.class, modulithJacksonSerialization()))
            .withBean(JsonMapper.class, () -> {
                mapperLookups.incrementAndGet();
                return JsonMapper.builder().build();
            }, definition -> definition.setScope("prototype"));

    @Test
    void replacesModulithsSerializerAndLooksTheMapperUpOnce() {
        contexts.withPropertyValues("keyrail.events.batched-writes=true").run(context -> {
            EventSerializer serializer = context.getBean(EventSerializer.class);
            assertThat(serializer).isInstanceOf(OutboxEventSerializer.class);
            EventBatch batch = EventBatch.of(List.of(issued(WorkingKeyType.TPK), issued(WorkingKeyType.TAK)));

            Object row = serializer.serialize(batch);
            Object again = serializer.serialize(batch);
            EventBatch read = serializer.deserialize(row, EventBatch.class);

            assertThat(again).isEqualTo(row);
            assertThat(read.events()).containsExactlyElementsOf(batch.events());
            assertThat(mapperLookups).as("a prototype mapper: each lookup makes one").hasValue(1);
        });
    }

    @Test
    void withoutBatchedWritesModulithsSerializerStays() {
        contexts.run(context -> assertThat(context.getBean(EventSerializer.class))
                .isNotInstanceOf(OutboxEventSerializer.class));
    }

    /** Modulith's own auto-configuration of its Jackson serializer (not a public class). */
    private static Class<?> modulithJacksonSerialization() {
        try {
            return Class.forName("org.springframework.modulith.events.jackson.JacksonEventSerializationConfiguration");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyrailEvent issued(WorkingKeyType type) {
        Instant now = Instant.parse("2026-12-03T09:00:00Z");
        return new KeyIssued(UUID.randomUUID(), now, "T0000001", "M00000000000001", type, 2, "TDES_2KEY", "08D7",
                KeyState.ACTIVE, now, 1, now.plusSeconds(1800), IssueCause.SIGN_IN);
    }
}
