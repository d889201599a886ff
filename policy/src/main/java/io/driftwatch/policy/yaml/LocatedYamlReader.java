package io.driftwatch.policy.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.policy.PolicyProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into a {@link LocatedTree} with Jackson's streaming parser, recording each key's and
 * value's position (a tree read by {@code ObjectMapper} forgets them). YAML 1.2 reading of scalars: only
 * {@code true} and {@code false} are booleans, so {@code off} and {@code yes} stay the words the user wrote.
 * Refuses a stream of several documents, a repeated key and a YAML syntax error, each with its line and column.
 */
public final class LocatedYamlReader {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String source;
    private final Map<String, Position> keyPositions = new HashMap<>();
    private final Map<String, Position> valuePositions = new HashMap<>();

    private LocatedYamlReader(String source) {
        this.source = source;
    }

    /**
     * @param source the file's name as problems show it
     * @throws PolicyException for a syntax error, an empty file, several documents or a repeated key
     */
    public static LocatedTree read(String source, String yamlText) throws PolicyException {
        return new LocatedYamlReader(source).readDocument(yamlText);
    }

    private LocatedTree readDocument(String yamlText) throws PolicyException {
        try (JsonParser parser = YAML.createParser(yamlText)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw problem(Position.FILE, "the file is empty; a policy names at least its model (model: NAME)");
            }
            JsonNode root = readValue(parser, "");
            if (parser.nextToken() != null) {
                throw problem(position(parser.currentTokenLocation()), "the file holds more than one YAML document"
                        + " (a '---' separator); put one policy per file");
            }
            return new LocatedTree(source, root, keyPositions, valuePositions);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw problem(location == null ? Position.FILE : position(location),
                    "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("syntax error"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string", e);
        }
    }

    private JsonNode readValue(JsonParser parser, String pointer) throws IOException, PolicyException {
        valuePositions.put(pointer, position(parser.currentTokenLocation()));
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readObject(parser, pointer);
            case START_ARRAY -> readArray(parser, pointer);
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> yamlBoolean(parser.getText());
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(parser.getText());
        };
    }

    private static JsonNode yamlBoolean(String text) {
        return switch (text) {
            case "true" -> NODES.booleanNode(true);
            case "false" -> NODES.booleanNode(false);
            default -> NODES.textNode(text);
        };
    }

    private ObjectNode readObject(JsonParser parser, String pointer) throws IOException, PolicyException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String member = Pointers.child(pointer, name);
            Position keyPosition = position(parser.currentTokenLocation());
            if (object.has(name)) {
                throw problem(keyPosition, Pointers.dotted(member) + ": the key appears twice (first at line "
                        + keyPositions.getOrDefault(member, keyPosition).line() + "); keep one");
            }
            keyPositions.put(member, keyPosition);
            parser.nextToken();
            object.set(name, readValue(parser, member));
        }
        return object;
    }

    private ArrayNode readArray(JsonParser parser, String pointer) throws IOException, PolicyException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(parser, Pointers.child(pointer, Integer.toString(array.size()))));
        }
        return array;
    }

    private static Position position(JsonLocation location) {
        return new Position(Math.max(location.getLineNr(), 0), Math.max(location.getColumnNr(), 0));
    }

    private PolicyException problem(Position position, String message) {
        return new PolicyException(List.of(new PolicyProblem(source, position.line(), position.column(), message)),
                PolicyException.Kind.UNREADABLE);
    }
}
