package org.marcloom.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Reads a JSON document into plain Java values (objects as ordered maps, arrays as lists,
/// strings, booleans, numbers, null) with jackson-core's streaming parser. Stateless.
final class JsonTree {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonTree() {
    }

    /// @param name where the document comes from, for error messages
    /// @throws IllegalArgumentException when the document is not JSON (with line and column)
    /// @throws IOException              when it cannot be read
    static Object read(InputStream in, String name) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IllegalArgumentException(name + ": empty, not an Avram JSON document");
            }
            Object value = value(p, t);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException(name + ": more than one JSON value" + at(p.currentLocation()));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + ": not JSON: " + e.getOriginalMessage() + at(e.getLocation()), e);
        }
    }

    private static String at(JsonLocation l) {
        return l == null ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    l.add(value(p, v));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            default -> throw new IllegalStateException("unexpected JSON token " + t);
        }
    }
}
