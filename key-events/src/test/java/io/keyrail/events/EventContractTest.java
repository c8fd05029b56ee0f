package io.keyrail.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.keyrail.events.terminal.TerminalRegistered;
import io.keyrail.events.terminal.TerminalStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventContractTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasASchemaAndItsSampleValidates(EventType type) {
        KeyrailEvent sample = SampleEvents.all().get(type);
        assertThat(sample).as("a sample of %s", type).isNotNull();
        assertThat(sample.type()).isEqualTo(type);
        assertThat(EventSchemas.validate(sample)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRefusesAPayloadWithoutItsEventIdOrWithAnUnknownField(EventType type) {
        ObjectNode json = (ObjectNode) EventJson.tree(EventJson.write(SampleEvents.all().get(type)));
        ObjectNode missing = json.deepCopy();
        missing.remove("eventId");
        assertThat(EventSchemas.validate(type, missing.toString())).isNotEmpty();
        ObjectNode extra = json.deepCopy();
        extra.put("clearKey", "0123456789ABCDEF");
        assertThat(EventSchemas.validate(type, extra.toString())).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void publicSchemasCarryNoKeyMaterial(EventType type) throws Exception {
        String schema = new String(EventSchemas.class.getResourceAsStream(type.schemaResource()).readAllBytes(),
                StandardCharsets.UTF_8);
        JsonNode properties = EventJson.mapper().readTree(schema).get("properties");
        if (type.topic().equals(Topics.KEY_MATERIAL)) {
            assertThat(properties.has("keyBlock")).isTrue();
        } else {
            assertThat(properties.propertyNames()).noneMatch(p -> p.toLowerCase().contains("key") && !p.equals("keyType")
                    && !p.equals("keyScheme"));
            assertThat(properties.propertyNames()).noneMatch(p -> p.toLowerCase().contains("pin") || p.equals("pan"));
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadReadsBackAsTheSameRecord(EventType type) {
        KeyrailEvent sample = SampleEvents.all().get(type);
        assertThat(EventJson.read(type.ceType(), EventJson.write(sample))).contains(sample);
    }

    @Test
    void headersAreACloudEventInKafkaBinaryMode() {
        KeyrailEvent event = SampleEvents.all().get(EventType.KEY_ISSUED);
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.bytesOf(event, EventType.Source.KEY_ROTATION).forEach(headers::add);

        CloudEvent ce = KafkaMessageFactory.createReader(headers, EventJson.write(event)).toEvent();

        assertThat(ce.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(ce.getId()).isEqualTo(event.eventId().toString());
        assertThat(ce.getType()).isEqualTo("io.keyrail.key.issued.v1");
        assertThat(ce.getSource().toString()).isEqualTo("/keyrail/key-rotation");
        assertThat(ce.getSubject()).isEqualTo("terminal/12345678");
        assertThat(ce.getTime().toInstant()).isEqualTo(SampleEvents.AT);
        assertThat(ce.getDataContentType()).isEqualTo("application/json");
        assertThat(new String(ce.getData().toBytes(), StandardCharsets.UTF_8)).contains("\"checkValue\":\"77800CBA\"");
    }

    @Test
    void keyMaterialNamesItsPublisherAndIsKeyedByTerminalAndKeyType() {
        KeyrailEvent material = SampleEvents.all().get(EventType.KEY_MATERIAL);
        Map<String, String> headers = CloudEventHeaders.of(material, EventType.Source.KEY_ROTATION);
        assertThat(headers).containsEntry(CloudEventHeaders.SOURCE, "/keyrail/key-rotation");
        assertThat(material.recordKey()).isEqualTo("terminal/12345678/TAK");
        assertThat(material.toString()).doesNotContain("B82679114F470F54");
    }

    @Test
    void recordsRefuseMalformedIdsWithAPreciseMessage() {
        assertThatThrownBy(() -> new TerminalRegistered(UUID.randomUUID(), SampleEvents.AT, "1234", "123456789012345",
                "p", "TDES_2KEY", null, null, TerminalStatus.REGISTERED))
                .hasMessage("terminalId must be 8 letters or digits");
        assertThatThrownBy(() -> new TerminalRegistered(UUID.randomUUID(), SampleEvents.AT, "12345678", "1234",
                "p", "TDES_2KEY", null, null, TerminalStatus.REGISTERED))
                .hasMessage("merchantId must be 15 letters or digits");
    }

    @Test
    void asyncApiDocumentDescribesEveryChannelAndEventType() throws Exception {
        String asyncapi = Files.readString(Path.of("..", "docs", "asyncapi.yaml"));
        assertThat(asyncapi).startsWith("asyncapi: 3.0.0");
        for (String topic : new String[] {Topics.TERMINALS, Topics.KEYS, Topics.KEY_MATERIAL}) {
            assertThat(asyncapi).contains("address: " + topic);
        }
        for (EventType type : EventType.values()) {
            assertThat(asyncapi).as("AsyncAPI names %s", type).contains(type.ceType());
            assertThat(asyncapi).contains("key-events/src/main/resources/schemas/" + type.ceType() + ".json");
        }
    }
}
