package io.driftwatch.policy.layer;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.policy.yaml.Pointers;
import io.driftwatch.policy.yaml.YamlScalars;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A layer as policy YAML with each value's source as a trailing comment ({@code size: 1d  # credit.yaml:3}), the form
 * {@code driftwatch policy show} prints: a reader sees the policy a model version runs under and which file or
 * property to edit to change a value. The output reads back as a policy.
 */
public final class SourcedYaml {
    private static final List<String> TOP_ORDER = List.of("model", "versions", "window", "features", "prediction", "outcome",
            "triggers", "alerts");

    private SourcedYaml() {
    }

    public static String render(PolicyLayer layer) {
        StringBuilder yaml = new StringBuilder();
        Set<String> names = new LinkedHashSet<>();
        TOP_ORDER.stream().filter(layer.tree()::has).forEach(names::add);
        layer.tree().fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            member(yaml, layer, name, layer.tree().get(name), "", 0);
        }
        return yaml.toString();
    }

    private static void member(StringBuilder yaml, PolicyLayer layer, String name, JsonNode value, String parent, int depth) {
        String pointer = Pointers.child(parent, name);
        yaml.append("  ".repeat(depth)).append(YamlScalars.string(name)).append(':');
        if (value.isObject() && !value.isEmpty()) {
            yaml.append('\n');
            value.properties().forEach(entry -> member(yaml, layer, entry.getKey(), entry.getValue(), pointer, depth + 1));
            return;
        }
        yaml.append(' ').append(inline(value));
        String source = layer.sources().get(pointer);
        if (source != null) {
            yaml.append("  # ").append(source);
        }
        yaml.append('\n');
    }

    private static String inline(JsonNode value) {
        if (value.isObject()) {
            return "{}";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(inline(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return value.isTextual() ? YamlScalars.string(value.asText()) : value.asText();
    }}
