package io.keyrail.events;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The JSON Schema (draft 2020-12) of every event type, shipped in this module, and validation against it. */
public final class EventSchemas {

    private static final Map<EventType, Schema> SCHEMAS = load();

    private EventSchemas() {
    }

    private static Map<EventType, Schema> load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("no JSON Schema for " + type.ceType() + " at " + type.schemaResource());
                }
                schemas.put(type, registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }

    /** Validation errors of {@code json} against the schema of {@code type}; empty when valid. */
    public static List<String> validate(EventType type, String json) {
        return validate(type, EventJson.tree(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Validation errors of the parsed payload {@code json} against the schema of {@code type}; empty when valid. */
    public static List<String> validate(EventType type, JsonNode json) {
        List<Error> errors = SCHEMAS.get(type).validate(json);
        return errors.stream().map(Error::toString).toList();
    }

    /** Validation errors of {@code event}'s JSON payload; empty when valid. */
    public static List<String> validate(KeyrailEvent event) {
        return validate(event.type(), EventJson.tree(EventJson.write(event)));
    }
}
