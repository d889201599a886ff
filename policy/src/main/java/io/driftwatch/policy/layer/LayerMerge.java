package io.driftwatch.policy.layer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.policy.yaml.Pointers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges layers key by key, later winning: maps merge recursively (so {@code features.columns.X} merges per column),
 * scalars and lists replace. A {@code tests} map also replaces as a whole: it is one choice of tests, and merging
 * would leave a model unable to drop a test the {@code *} policy chose. A layer's {@code model} and
 * {@code versions} say where it applies, not what it sets, so they are not merged.
 */
public final class LayerMerge {
    private static final Set<String> NOT_MERGED = Set.of("/model", "/versions");

    private LayerMerge() {
    }

    /** The merged tree of {@code layers} (first the weakest) and each leaf's source. */
    public static PolicyLayer merge(String name, List<PolicyLayer> layers) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        Map<String, String> sources = new HashMap<>();
        for (PolicyLayer layer : layers) {
            mergeInto(merged, layer.tree(), "", layer.sources(), sources);
        }
        return new PolicyLayer(name, merged, sources);
    }

    private static void mergeInto(ObjectNode target, JsonNode layerNode, String pointer, Map<String, String> layerSources,
                                  Map<String, String> sources) {
        layerNode.properties().forEach(entry -> {
            String child = Pointers.child(pointer, entry.getKey());
            if (NOT_MERGED.contains(child)) {
                return;
            }
            JsonNode existing = target.get(entry.getKey());
            JsonNode value = entry.getValue();
            boolean mergesAsMap = value.isObject() && !value.isEmpty() && !"tests".equals(entry.getKey());
            if (mergesAsMap && existing != null && existing.isObject() && !existing.isEmpty()) {
                mergeInto((ObjectNode) existing, value, child, layerSources, sources);
                return;
            }
            sources.keySet().removeIf(at -> at.equals(child) || at.startsWith(child + "/"));
            target.set(entry.getKey(), value.deepCopy());
            layerSources.forEach((at, source) -> {
                if (at.equals(child) || at.startsWith(child + "/")) {
                    sources.put(at, source);
                }
            });
        });
    }
}
