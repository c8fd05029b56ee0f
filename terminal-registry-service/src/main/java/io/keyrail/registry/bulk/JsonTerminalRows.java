package io.keyrail.registry.bulk;

import io.keyrail.registry.terminal.FieldError;
import io.keyrail.registry.terminal.TerminalInput;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * A JSON array of terminal objects read with Jackson's streaming parser, one object at a time.
 * Unknown properties are ignored; scalar values are taken as text; an element that is not an object
 * is an unreadable row; malformed JSON ends the body.
 */
final class JsonTerminalRows implements TerminalRows {

    private static final java.util.Set<String> FIELDS = java.util.Set.of("terminalId", "merchantId",
            "acquirerProfile", "keyScheme", "model", "location");

    private final JsonParser parser;
    private int number;
    private boolean ended;

    JsonTerminalRows(ObjectMapper mapper, InputStream body) {
        try {
            this.parser = mapper.createParser(body);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new UnreadableBody(0, "the body must be a JSON array of terminals");
            }
        } catch (JacksonException e) {
            throw new UnreadableBody(0, "the body must be a JSON array of terminals");
        }
    }

    @Override
    public Row next() {
        if (ended) {
            return null;
        }
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                ended = true;
                return null;
            }
            number++;
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return new Row.Unreadable(number, "must be a JSON object");
            }
            return object();
        } catch (JacksonException e) {
            ended = true;
            throw new UnreadableBody(number, "the JSON is malformed at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        }
    }

    private Row object() {
        String terminalId = null;
        String merchantId = null;
        String profile = null;
        String scheme = null;
        String model = null;
        String location = null;
        List<FieldError> shapeErrors = List.of();
        for (JsonToken t = parser.nextToken(); t == JsonToken.PROPERTY_NAME; t = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            String text = null;
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                parser.skipChildren();
                if (!FIELDS.contains(name)) {
                    continue;
                }
                if (shapeErrors.isEmpty()) {
                    shapeErrors = new ArrayList<>(1);
                }
                shapeErrors.add(new FieldError(name, "must be text, not a JSON " + (value == JsonToken.START_OBJECT
                        ? "object" : "array")));
                continue;
            } else if (value != JsonToken.VALUE_NULL) {
                text = parser.getString();
            }
            switch (name) {
                case "terminalId" -> terminalId = text;
                case "merchantId" -> merchantId = text;
                case "acquirerProfile" -> profile = text;
                case "keyScheme" -> scheme = text;
                case "model" -> model = text;
                case "location" -> location = text;
                default -> {
                    // unknown properties are tolerated (forward compatibility)
                }
            }
        }
        return new Row.Parsed(number, new TerminalInput(terminalId, merchantId, profile, scheme, model, location),
                shapeErrors);
    }

    @Override
    public void close() {
        parser.close();
    }
}
