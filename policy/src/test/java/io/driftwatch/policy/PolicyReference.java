package io.driftwatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.driftwatch.policy.check.PolicySchema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docs/policy-reference.md}'s generated part, rendered from the policy's JSON Schema: every key once, with
 * its type, its allowed values and the schema's description, so the page cannot say what the schema does not.
 */
final class PolicyReference {
    static final String BEGIN = "<!-- Generated from policy.schema.json by PolicyReference (policy's tests). Do not edit"
            + " between these markers: change the schema, then run tools/refresh-policy-docs.sh. -->";
    static final String END = "<!-- End of the generated part. -->";

    private static final JsonNode SCHEMA = PolicySchema.tree();

    /** A table of the page: the keys of one part of the schema, under a heading. */
    private record Section(String heading, String intro, String prefix, JsonNode node) {
    }

    private PolicyReference() {
    }

    static Path page() {
        return Path.of("").toAbsolutePath().getParent().resolve("docs").resolve("policy-reference.md");
    }

    static String render() {
        List<Section> sections = List.of(
                new Section("The policy file", SCHEMA.path("description").asText(), "", SCHEMA),
                new Section("A column", SCHEMA.at("/$defs/column/description").asText()
                        + " The keys of `features.columns.NAME` and of `prediction`.", "", SCHEMA.at("/$defs/column")),
                new Section("A test", SCHEMA.at("/$defs/test/description").asText() + " The keys of `TEST` under any"
                        + " `tests`, where `TEST` is one of " + names(SCHEMA.at("/$defs/tests/properties")) + ".", "",
                        SCHEMA.at("/$defs/test")),
                new Section("An expectation", SCHEMA.at("/$defs/expect/description").asText() + " The keys of `expect`.",
                        "", SCHEMA.at("/$defs/expect")));
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        for (Section section : sections) {
            out.append("\n## ").append(section.heading()).append('\n').append(section.intro()).append("\n\n")
                    .append("| key | value | description |\n|---|---|---|\n");
            rows(out, section.prefix(), section.node());
        }
        return out.append('\n').append(END).append('\n').toString();
    }

    static String refreshed(String page) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("docs/policy-reference.md lost its markers; restore them around the tables");
        }
        return page.substring(0, begin) + render() + page.substring(end + END.length() + 1);
    }

    static String generatedPart(String page) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        return begin < 0 || end < begin ? "" : page.substring(begin, end + END.length() + 1);
    }

    private static void rows(StringBuilder out, String prefix, JsonNode node) {
        node.path("properties").properties().forEach(entry -> {
            String key = prefix + entry.getKey();
            JsonNode property = entry.getValue();
            out.append("| `").append(key).append("` | ").append(value(property)).append(" | ")
                    .append(property.path("description").asText().replace("|", "\\|")).append(" |\n");
            if (property.has("properties") && !property.has("$ref")) {
                rows(out, key + ".", property);
            }
        });
    }

    private static String value(JsonNode property) {
        String ref = property.path("$ref").asText();
        JsonNode additional = property.path("additionalProperties");
        if (!ref.isEmpty()) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            return switch (name) {
                case "duration" -> "duration";
                case "tests" -> "map of [tests](#a-test) by name";
                case "column" -> "[column](#a-column)";
                default -> "[expectation](#an-expectation)";
            };
        }
        if (additional.isObject()) {
            return "map of [columns](#a-column) by name";
        }
        if (property.has("enum")) {
            return "one of " + names(property.path("enum"));
        }
        String literal = property.has("pattern")
                ? "`" + property.path("pattern").asText().replace("^", "").replace("$", "").replace("\\", "") + "`" : "string";
        List<String> words = new ArrayList<>();
        JsonNode types = property.path("type");
        (types.isArray() ? types : JsonNodeFactory.instance.arrayNode().add(types)).forEach(type -> words.add(switch (type.asText()) {
            case "object" -> "map";
            case "array" -> property.path("items").has("enum") ? "list of " + names(property.path("items").path("enum"))
                    : "array".equals(property.path("items").path("type").asText()) ? property.path("minItems").asInt() + "x"
                    + property.path("items").path("minItems").asInt() + " matrix of numbers" : "list";
            case "string" -> literal;
            default -> type.asText();
        }));
        return String.join(" or ", words);
    }

    private static String names(JsonNode values) {
        List<String> names = new ArrayList<>();
        if (values.isObject()) {
            values.fieldNames().forEachRemaining(name -> names.add("`" + name + "`"));
        } else {
            values.forEach(value -> names.add("`" + value.asText() + "`"));
        }
        return String.join(", ", names);
    }
}
