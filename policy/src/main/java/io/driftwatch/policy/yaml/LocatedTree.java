package io.driftwatch.policy.yaml;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A parsed YAML document as a JSON tree, with the position of every key and value by JSON Pointer, so a schema error
 * or a rule broken deep in the tree is reported at the line and column the user wrote it.
 *
 * @param keyPositions   where each object member's key starts, by the member's pointer
 * @param valuePositions where each value starts (the root's is {@code ""}), by its pointer
 */
public record LocatedTree(String source, JsonNode root, Map<String, Position> keyPositions,
                          Map<String, Position> valuePositions) {
    public LocatedTree {
        requireNonNull(source, "source");
        requireNonNull(root, "root");
        keyPositions = Map.copyOf(keyPositions);
        valuePositions = Map.copyOf(valuePositions);
    }

    /** Where the value at {@code pointer} starts; its nearest located ancestor's position when it is absent. */
    public Position valuePosition(String pointer) {
        for (String at = pointer; ; at = parent(at)) {
            Position position = valuePositions.get(at);
            if (position != null) {
                return position;
            }
            if (at.isEmpty()) {
                return Position.FILE;
            }
        }
    }

    /** Where the key of the member at {@code pointer} starts; the value's position for an array item or the root. */
    public Position keyPosition(String pointer) {
        Position position = keyPositions.get(pointer);
        return position != null ? position : valuePosition(pointer);
    }

    private static String parent(String pointer) {
        return pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
    }
}
