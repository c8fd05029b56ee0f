package io.keyrail.local;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Kafka record as one JSON line, as a subscriber sees it: {@code topic}, {@code partition},
 * {@code offset}, {@code key}, {@code headers} (the CloudEvents {@code ce_*} attributes and
 * {@code content-type}, as strings) and {@code data}, the JSON payload as an object (a payload that
 * is not JSON appears as a string, a tombstone as null).
 */
final class EventLine {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventLine() {
    }

    static String of(ConsumerRecord<String, byte[]> record) {
        ObjectNode line = JSON.createObjectNode();
        line.put("topic", record.topic());
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("key", record.key());
        ObjectNode headers = line.putObject("headers");
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        line.set("data", data(record.value()));
        return JSON.writeValueAsString(line);
    }

    private static JsonNode data(byte[] value) {
        if (value == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(value);
        } catch (JacksonException e) {
            return JSON.getNodeFactory().stringNode(new String(value, StandardCharsets.UTF_8));
        }
    }
}
