package io.driftwatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * A policy's identity derived from its content, so reports, triggers and alerts can name the policy they were judged
 * under and two services agree on it without coordination: SHA-256 over a canonical form of the parsed tree (keys
 * sorted, numbers in one spelling, so {@code 0.20} is {@code 0.2} and {@code 1.0e7} is {@code 10000000}, durations
 * in one spelling, so {@code PT6H} is {@code 6h}, and the set-like lists {@code versions}, {@code features.exclude}
 * and {@code alerts.to} sorted). Comments, formatting, quoting and the order of keys do not change it; any value does.
 *
 * @param sha256 the 64 hex digits of the digest
 */
public record PolicyId(String sha256) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> DURATIONS = Set.of("/window/size", "/window/grace", "/window/offset", "/triggers/cooldown");
    private static final Set<String> SETS = Set.of("/versions", "/features/exclude", "/alerts/to");

    public PolicyId {
        requireNonNull(sha256, "sha256");
    }

    /** The id of the policy {@code tree} holds. */
    public static PolicyId of(JsonNode tree) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(tree, "").toString().getBytes(StandardCharsets.UTF_8));
            return new PolicyId(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** The first 12 hex digits, as commands and reports show the id. */
    public String shortForm() {
        return sha256.substring(0, 12);
    }

    @Override
    public String toString() {
        return shortForm();
    }

    private static JsonNode canonical(JsonNode node, String pointer) {
        if (node.isObject()) {
            ObjectNode sorted = NODES.objectNode();
            new TreeSet<>(iterable(node)).forEach(name -> sorted.set(name, canonical(node.get(name), pointer + "/" + name)));
            return sorted;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(canonical(item, pointer + "/-")));
            if (SETS.contains(pointer)) {
                items.sort((left, right) -> left.asText().compareTo(right.asText()));
            }
            return NODES.arrayNode().addAll(items);
        }
        if (node.isNumber()) {
            return NODES.numberNode(new BigDecimal(node.asText()).stripTrailingZeros());
        }
        if (node.isTextual() && DURATIONS.contains(pointer)) {
            return PolicyDurations.parse(node.asText())
                    .<JsonNode>map(duration -> NODES.textNode(PolicyDurations.format(duration))).orElse(node);
        }
        return node;
    }

    private static List<String> iterable(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
