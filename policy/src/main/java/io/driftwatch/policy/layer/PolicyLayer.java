package io.driftwatch.policy.layer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.policy.yaml.LocatedTree;
import io.driftwatch.policy.yaml.Pointers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One layer of policy in the precedence order (defaults, the {@code *} policy, the model's, the version's): a tree in
 * the policy format and, for each of its leaves (by JSON Pointer), the source shown beside the value, such as
 * {@code credit.yaml:12} or {@code driftwatch.window.size.ms}. A leaf is a scalar, a list, or an empty map.
 *
 * @param name what the layer is, for messages ({@code defaults}, a file name)
 */
public record PolicyLayer(String name, ObjectNode tree, Map<String, String> sources) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public PolicyLayer {
        requireNonNull(name, "name");
        tree = tree.deepCopy();
        sources = Map.copyOf(sources);
    }

    /** A policy file as a layer, each leaf's source its file and line. */
    public static PolicyLayer of(LocatedTree file) {
        Map<String, String> sources = new HashMap<>();
        collectLeaves(file, file.root(), "", sources);
        return new PolicyLayer(file.source(), (ObjectNode) file.root(), sources);
    }

    private static void collectLeaves(LocatedTree file, JsonNode node, String pointer, Map<String, String> sources) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(entry ->
                    collectLeaves(file, entry.getValue(), Pointers.child(pointer, entry.getKey()), sources));
        } else {
            sources.put(pointer, file.source() + ":" + file.keyPosition(pointer).line());
        }
    }

    /** Builds a layer value by value, as a service turns its own settings into the defaults layer. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Collects a layer's values, each under its dotted policy path ({@code window.size}) with the label of where it
     * came from (the property key it was read from). Not thread-safe; build in one thread.
     */
    public static final class Builder {
        private final String name;
        private final ObjectNode tree = NODES.objectNode();
        private final Map<String, String> sources = new HashMap<>();

        private Builder(String name) {
            this.name = requireNonNull(name, "name");
        }

        public Builder put(String dottedPath, String value, String label) {
            return set(dottedPath, NODES.textNode(value), label);
        }

        public Builder put(String dottedPath, long value, String label) {
            return set(dottedPath, NODES.numberNode(value), label);
        }

        public Builder put(String dottedPath, double value, String label) {
            return set(dottedPath, NODES.numberNode(value), label);
        }

        public Builder put(String dottedPath, List<String> values, String label) {
            return set(dottedPath, NODES.arrayNode().addAll(values.stream().map(NODES::textNode).toList()), label);
        }

        public PolicyLayer build() {
            return new PolicyLayer(name, tree, sources);
        }

        private Builder set(String dottedPath, JsonNode value, String label) {
            String[] steps = dottedPath.split("\\.", -1);
            ObjectNode parent = tree;
            String pointer = "";
            for (int i = 0; i < steps.length - 1; i++) {
                pointer = Pointers.child(pointer, steps[i]);
                JsonNode child = parent.get(steps[i]);
                if (child == null || !child.isObject()) {
                    sources.remove(pointer);
                    child = parent.putObject(steps[i]);
                }
                parent = (ObjectNode) child;
            }
            parent.set(steps[steps.length - 1], value);
            sources.put(Pointers.child(pointer, steps[steps.length - 1]), requireNonNull(label, "label"));
            return this;
        }
    }
}
