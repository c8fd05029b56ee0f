package io.keyrail.support.events;

import io.keyrail.events.CloudEventHeaders;
import io.keyrail.events.EventJson;
import io.keyrail.events.EventSchemas;
import io.keyrail.events.EventType;
import io.keyrail.events.KeyrailEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;

/**
 * Reads a consumed record as a Keyrail event: its {@code ce_type} header names the type, the payload
 * must validate against that type's JSON Schema and parse as its record. Anything else is a
 * {@link RejectedEventException} (the record goes to the DLT).
 */
public final class InboundEvents {

    private InboundEvents() {
    }

    public static KeyrailEvent read(ConsumerRecord<?, byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        Header typeHeader = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (typeHeader == null) {
            throw new RejectedEventException("record " + where + " has no ce_type header");
        }
        String ceType = new String(typeHeader.value(), StandardCharsets.UTF_8);
        EventType type = EventType.ofCeType(ceType)
                .orElseThrow(() -> new RejectedEventException("record " + where + " has unknown ce_type " + ceType));
        if (record.value() == null) {
            throw new RejectedEventException("record " + where + " has no payload");
        }
        // Parsed once: the tree is validated, then read as the record.
        JsonNode json;
        List<String> errors;
        try {
            json = EventJson.tree(record.value());
            errors = EventSchemas.validate(type, json);
        } catch (RuntimeException e) {
            throw new RejectedEventException("record " + where + " is not JSON", e);
        }
        if (!errors.isEmpty()) {
            throw new RejectedEventException("record " + where + " fails the " + ceType + " schema ("
                    + errors.size() + " errors)");
        }
        try {
            return EventJson.read(type, json);
        } catch (RuntimeException e) {
            throw new RejectedEventException("record " + where + " does not read as " + ceType, e);
        }
    }
}
