package io.keyrail.benchmarks;

import io.keyrail.events.CloudEventHeaders;
import io.keyrail.events.EventJson;
import io.keyrail.events.EventType;
import io.keyrail.events.key.IssueCause;
import io.keyrail.events.key.KeyIssued;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the outbox relay does for every Kafka record it sends (four per sign-in): the event's
 * CloudEvents headers as bytes, and its JSON payload (written once per event, for the outbox row
 * and the record value). Run with {@code -prof gc} for the bytes allocated per call
 * ({@code gc.alloc.rate.norm}), which decide how often the rotation service collects its young
 * generation under sign-in load.
 *
 * <p>Run: {@code ./mvnw -q -Pbenchmarks -pl benchmarks -am -DskipTests package && java -jar
 * benchmarks/target/benchmarks.jar EventEncoding -prof gc} (figures: {@code docs/performance.md}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventEncodingBenchmark {

    private KeyIssued event;

    @Setup
    public void setUp() {
        Instant now = Instant.parse("2026-12-03T14:00:00.123Z");
        event = new KeyIssued(UUID.randomUUID(), now, "12345678", "123456789012345", WorkingKeyType.TAK, 42,
                "TDES_2KEY", "77800C", KeyState.ACTIVE, now, 41, now.plusSeconds(1800), IssueCause.SIGN_IN);
        if (!new String(CloudEventHeaders.bytesOf(event, EventType.Source.KEY_ROTATION).get(CloudEventHeaders.TIME),
                StandardCharsets.US_ASCII).equals("2026-12-03T14:00:00.123Z")) {
            throw new IllegalStateException("the header bytes are not the event's");
        }
    }

    /** The headers of one record, as the relay builds them. */
    @Benchmark
    public Map<String, byte[]> cloudEventHeaderBytes() {
        return CloudEventHeaders.bytesOf(event, EventType.Source.KEY_ROTATION);
    }

    /** The JSON payload of one event. */
    @Benchmark
    public byte[] eventJson() {
        return EventJson.write(event);
    }
}
