package io.keyrail.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventLineTest {

    @Test
    void showsTheRecordsCoordinatesHeadersAndJsonPayloadAsAnObject() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", "io.keyrail.key.issued.v1".getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));

        String line = EventLine.of(record("12345678", "{\"keyType\":\"TAK\",\"version\":42}", headers));

        assertThat(line).isEqualTo("{\"topic\":\"keyrail.keys.v1\",\"partition\":0,\"offset\":7,\"key\":\"12345678\","
                + "\"headers\":{\"ce_type\":\"io.keyrail.key.issued.v1\",\"content-type\":\"application/json\"},"
                + "\"data\":{\"keyType\":\"TAK\",\"version\":42}}");
    }

    @Test
    void showsAPayloadThatIsNotJsonAsAString() {
        assertThat(EventLine.of(record(null, "not json", new RecordHeaders())))
                .endsWith("\"key\":null,\"headers\":{},\"data\":\"not json\"}");
    }

    @Test
    void showsATombstoneAsNullData() {
        assertThat(EventLine.of(record("12345678", null, new RecordHeaders()))).endsWith("\"data\":null}");
    }

    private static ConsumerRecord<String, byte[]> record(String key, String value, RecordHeaders headers) {
        return new ConsumerRecord<>("keyrail.keys.v1", 0, 7L, 0L, TimestampType.CREATE_TIME, -1, -1, key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }
}
