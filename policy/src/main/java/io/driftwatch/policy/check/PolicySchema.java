package io.driftwatch.policy.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.driftwatch.policy.PolicyProblem;
import io.driftwatch.policy.yaml.LocatedTree;
import io.driftwatch.policy.yaml.Pointers;
import io.driftwatch.policy.yaml.Position;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The policy format's JSON Schema ({@value #RESOURCE}), the one description of every key: the validator checks a
 * file's structure against it, the reference page is generated from its descriptions, and editors check files
 * with it ({@code # yaml-language-server: $schema=...}). Its errors become {@link PolicyProblem}s at the line and
 * column of the key or value they concern. Thread-safe.
 */
public final class PolicySchema {
    /** The schema's classpath resource. */
    public static final String RESOURCE = "/io/driftwatch/policy/policy.schema.json";

    private static final String BUSINESS_VALUE = "/outcome/business_value";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SCHEMA_TREE = load();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SCHEMA_TREE.toString(), InputFormat.JSON);

    private PolicySchema() {
    }

    /** The schema as a tree, for the generated reference and the tests that keep it beside the code. */
    public static JsonNode tree() {
        return SCHEMA_TREE.deepCopy();
    }

    /** Every structural problem of {@code tree}, in file order; empty when it has the policy's shape. */
    public static List<PolicyProblem> check(LocatedTree tree) {
        List<Error> errors = SCHEMA.validate(tree.root().toString(), InputFormat.JSON);
        Set<PolicyProblem> problems = new LinkedHashSet<>();
        for (Error error : errors) {
            problems.add(problem(tree, error));
        }
        List<PolicyProblem> sorted = new ArrayList<>(problems);
        sorted.sort(PolicyProblems.FILE_ORDER);
        return sorted;
    }

    private static PolicyProblem problem(LocatedTree tree, Error error) {
        String instance = pointer(error.getInstanceLocation());
        if (instance.equals(BUSINESS_VALUE) || instance.startsWith(BUSINESS_VALUE + "/")) {
            // One problem for the matrix, however many of its rows and cells are wrong: the fix is to rewrite it whole.
            return at(tree, tree.valuePosition(BUSINESS_VALUE), BUSINESS_VALUE, "expected a 2x2 matrix of numbers,"
                    + " [[tn, fp], [fn, tp]] as NannyML's business_value_matrix (e.g. [[0, -5], [-50, 100]]), got "
                    + tree.root().at(BUSINESS_VALUE));
        }
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        String property = error.getProperty();
        if ("additionalProperties".equals(keyword) && property != null) {
            String member = Pointers.child(instance, property);
            JsonNode known = schemaNode(error).path("properties");
            List<String> names = new ArrayList<>();
            known.fieldNames().forEachRemaining(names::add);
            return at(tree, tree.keyPosition(member), member, "unknown key '" + property + "'; known keys here: "
                    + String.join(", ", names));
        }
        if ("required".equals(keyword) && property != null) {
            return at(tree, tree.valuePosition(instance), instance, "the key '" + property + "' is missing; add it");
        }
        JsonNode value = tree.root().at(instance);
        JsonNode rule = schemaNode(error).path(keyword);
        String message = switch (keyword) {
            case "type" -> "expected " + typeWords(rule) + ", got " + shown(value);
            case "enum" -> shown(value) + " is not one of: " + enumWords(rule);
            case "pattern" -> patternMessage(rule.asText(), value);
            default -> withoutPath(error.getMessage());
        };
        return at(tree, tree.valuePosition(instance), instance, message);
    }

    private static String patternMessage(String pattern, JsonNode value) {
        return switch (pattern) {
            case "^off$" -> "expected a map of settings or off, got " + shown(value);
            case "^calibrated$" -> "expected a number or calibrated, got " + shown(value);
            case "^\\*$" -> "expected * or a list of version strings, got " + shown(value);
            default -> shown(value) + " is not a duration; write a whole number with a unit (500ms, 30s, 15m, 6h, 1d)"
                    + " or ISO-8601 such as PT6H";
        };
    }

    private static String typeWords(JsonNode types) {
        List<String> words = new ArrayList<>();
        (types.isArray() ? types : JSON.createArrayNode().add(types)).forEach(type -> words.add(switch (type.asText()) {
            case "object" -> "a map of keys";
            case "array" -> "a list";
            case "string" -> "a string";
            case "number" -> "a number";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            default -> type.asText();
        }));
        return String.join(" or ", words);
    }

    private static String enumWords(JsonNode values) {
        List<String> words = new ArrayList<>();
        values.forEach(value -> words.add(value.asText()));
        return String.join(", ", words);
    }

    private static String shown(JsonNode value) {
        if (value.isMissingNode()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "a map";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.isTextual() ? "'" + value.asText() + "'" : value.toString();
    }

    private static String withoutPath(String message) {
        int colon = message.indexOf(": ");
        return message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
    }

    private static JsonNode schemaNode(Error error) {
        String fragment = pointer(error.getSchemaLocation().getFragment());
        int last = fragment.lastIndexOf('/');
        return SCHEMA_TREE.at(last < 0 ? "" : fragment.substring(0, last));
    }

    private static String pointer(NodePath path) {
        String pointer = "";
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer = Pointers.child(pointer, String.valueOf(path.getElement(i)));
        }
        return pointer;
    }

    private static PolicyProblem at(LocatedTree tree, Position position, String pointer, String message) {
        return new PolicyProblem(tree.source(), position.line(), position.column(), Pointers.dotted(pointer) + ": " + message);
    }

    private static JsonNode load() {
        try (InputStream in = PolicySchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the policy schema " + RESOURCE + " is missing from the classpath");
            }
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the policy schema " + RESOURCE, e);
        }
    }
}
