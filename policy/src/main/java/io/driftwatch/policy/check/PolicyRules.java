package io.driftwatch.policy.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.policy.ModelPolicy;
import io.driftwatch.policy.PolicyDurations;
import io.driftwatch.policy.PolicyProblem;
import io.driftwatch.policy.yaml.LocatedTree;
import io.driftwatch.policy.yaml.Pointers;
import io.driftwatch.policy.yaml.Position;
import io.driftwatch.stats.compare.ColumnType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The rules of a policy that its JSON Schema cannot express: tests that fit the declared column types, thresholds
 * in their test's range, options that the test takes, no column both excluded and configured, a window offset
 * smaller than its size, a minimum not above the maximum, and a {@code *} model for every version. Runs on a tree
 * that has the schema's shape.
 */
public final class PolicyRules {
    private final LocatedTree tree;
    private final List<PolicyProblem> problems = new ArrayList<>();

    private PolicyRules(LocatedTree tree) {
        this.tree = tree;
    }

    /** Every rule {@code tree} breaks, in file order. */
    public static List<PolicyProblem> check(LocatedTree tree) {
        PolicyRules rules = new PolicyRules(tree);
        rules.checkVersions();
        rules.checkWindow();
        rules.checkFeatures();
        JsonNode prediction = tree.root().path("prediction");
        if (prediction.isObject()) {
            rules.checkColumn("/prediction", "the prediction", prediction);
        }
        rules.problems.sort(PolicyProblems.FILE_ORDER);
        return List.copyOf(rules.problems);
    }

    private void checkVersions() {
        JsonNode root = tree.root();
        if (ModelPolicy.ANY.equals(root.path("model").asText()) && root.path("versions").isArray()) {
            problemAtKey("/versions", "the * policy holds the defaults of every model and version; write versions: \"*\""
                    + " or leave it out, and put version lists in a model's own policy");
        }
    }

    private void checkWindow() {
        JsonNode window = tree.root().path("window");
        for (String key : List.of("size", "grace", "offset")) {
            if (window.path(key).isTextual() && PolicyDurations.parse(window.path(key).asText()).isEmpty()) {
                problemAtValue("/window/" + key, "'" + window.path(key).asText() + "' is not a duration; write"
                        + " 500ms, 30s, 15m, 6h, 1d or ISO-8601 such as PT6H");
            }
        }
        Optional<Duration> size = durationAt(window.path("size"));
        Optional<Duration> offset = durationAt(window.path("offset"));
        if (size.isPresent() && offset.isPresent() && offset.get().compareTo(size.get()) >= 0) {
            problemAtValue("/window/offset", "the offset (" + PolicyDurations.format(offset.get())
                    + ") must be smaller than the window size (" + PolicyDurations.format(size.get())
                    + "); an offset of a whole size starts windows at the same times as none");
        }
        if (size.isPresent() && size.get().isZero()) {
            problemAtValue("/window/size", "a window size must be longer than 0");
        }
        JsonNode cooldown = tree.root().path("triggers").path("cooldown");
        if (cooldown.isTextual() && durationAt(cooldown).isEmpty()) {
            problemAtValue("/triggers/cooldown", "'" + cooldown.asText() + "' is not a duration; write 500ms, 30s,"
                    + " 15m, 6h, 1d or ISO-8601 such as PT6H");
        }
    }

    private void checkFeatures() {
        JsonNode features = tree.root().path("features");
        checkTests("/features/tests", features.path("tests"), Optional.empty(), "");
        TreeSet<String> excluded = new TreeSet<>();
        features.path("exclude").forEach(column -> excluded.add(column.asText()));
        features.path("columns").properties().forEach(entry -> {
            String pointer = Pointers.child("/features/columns", entry.getKey());
            if (excluded.contains(entry.getKey())) {
                problemAtKey(pointer, entry.getKey() + " is listed under features.exclude and configured here; an"
                        + " excluded column is never tested or expected: remove one of the two");
            }
            checkColumn(pointer, entry.getKey(), entry.getValue());
        });
    }

    private void checkColumn(String pointer, String columnName, JsonNode column) {
        Optional<ColumnType> declared = declaredType(column);
        checkTests(pointer + "/tests", column.path("tests"), declared, columnName);
        JsonNode expect = column.path("expect");
        if (expect.path("min").isNumber() && expect.path("max").isNumber()
                && expect.path("min").decimalValue().compareTo(expect.path("max").decimalValue()) > 0) {
            problemAtValue(pointer + "/expect/min", "min (" + expect.path("min").asText() + ") is above max ("
                    + expect.path("max").asText() + "); no value could pass: swap them or fix one");
        }
        if (column.path("type").isTextual() && expect.path("type").isTextual()
                && !column.path("type").asText().equals(expect.path("type").asText())) {
            problemAtValue(pointer + "/expect/type", "the expectation's type (" + expect.path("type").asText()
                    + ") differs from the column's (" + column.path("type").asText() + "); make them agree");
        }
    }

    private static Optional<ColumnType> declaredType(JsonNode column) {
        JsonNode type = column.path("type").isTextual() ? column.path("type") : column.path("expect").path("type");
        return type.isTextual() ? Optional.of(ColumnType.parse(type.asText())) : Optional.empty();
    }

    private void checkTests(String pointer, JsonNode tests, Optional<ColumnType> declared, String columnName) {
        tests.properties().forEach(entry -> {
            String test = entry.getKey();
            String testPointer = Pointers.child(pointer, test);
            if (declared.isPresent() && !TestFit.fits(test, declared.get())) {
                problemAtKey(testPointer, test + " compares " + (declared.get() == ColumnType.NUMERIC ? "labels" : "numbers")
                        + "; " + columnName + " is declared " + declared.get().label() + ". Use "
                        + String.join(", ", TestFit.testsFor(declared.get())) + ".");
            }
            JsonNode threshold = entry.getValue().path("threshold");
            if (threshold.isNumber()) {
                TestFit.thresholdRefusal(test, threshold.asDouble())
                        .ifPresent(why -> problemAtValue(testPointer + "/threshold", why));
            }
            entry.getValue().fieldNames().forEachRemaining(option -> {
                if (!"threshold".equals(option) && !TestFit.testsTaking(option).contains(test)) {
                    problemAtKey(Pointers.child(testPointer, option), option + " does not apply to " + test + "; it"
                            + " changes only " + String.join(", ", new TreeSet<>(TestFit.testsTaking(option))) + ": remove it");
                }
            });
        });
    }

    private static Optional<Duration> durationAt(JsonNode node) {
        return node.isTextual() ? PolicyDurations.parse(node.asText()) : Optional.empty();
    }

    private void problemAtKey(String pointer, String message) {
        add(tree.keyPosition(pointer), pointer, message);
    }

    private void problemAtValue(String pointer, String message) {
        add(tree.valuePosition(pointer), pointer, message);
    }

    private void add(Position position, String pointer, String message) {
        problems.add(new PolicyProblem(tree.source(), position.line(), position.column(),
                Pointers.dotted(pointer) + ": " + message));
    }
}
