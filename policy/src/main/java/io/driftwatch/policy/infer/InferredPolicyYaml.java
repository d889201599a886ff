package io.driftwatch.policy.infer;

import io.driftwatch.policy.ModelPolicy;
import io.driftwatch.policy.yaml.YamlScalars;
import io.driftwatch.stats.compare.DriftDefaults;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An inferred policy as the YAML file its owner edits: a header saying where it came from and what to do with it, the
 * keys in the order docs/policies.md shows them, and a comment beside each inferred value saying what in the training
 * data it came from. Written as text rather than through Jackson, which writes no comments; every string goes through
 * {@link YamlScalars}, so the file reads back as {@code PolicyDocument.parse} expects.
 */
public final class InferredPolicyYaml {
    private static final String INDENT = "  ";

    private InferredPolicyYaml() {
    }

    /**
     * @param policy     the inferred policy
     * @param source     the training file's name, for the header
     * @param inferredAt when the policy was inferred, for the header (to the second)
     */
    public static String render(InferredPolicy policy, String source, Instant inferredAt) {
        StringBuilder yaml = new StringBuilder();
        header(yaml, policy, source, inferredAt);
        yaml.append("model: ").append(YamlScalars.string(policy.model())).append('\n');
        yaml.append("versions: ").append(YamlScalars.string(ModelPolicy.ANY)).append('\n');
        if (policy.excluded().isEmpty() && policy.features().isEmpty()) {
            return yaml.toString();
        }
        yaml.append("features:\n");
        if (!policy.excluded().isEmpty()) {
            line(yaml, 1, "exclude:");
            policy.excluded().forEach((name, reason) -> commented(yaml, 2, "- " + YamlScalars.string(name), reason));
        }
        if (!policy.features().isEmpty()) {
            line(yaml, 1, "columns:");
            policy.features().forEach(column -> column(yaml, column));
        }
        return yaml.toString();
    }

    private static void header(StringBuilder yaml, InferredPolicy policy, String source, Instant inferredAt) {
        yaml.append(String.format(Locale.ROOT, "# A starting policy for model %s, inferred by driftwatch policy infer%n"
                        + "# from %s (%d rows) at %s.%n", policy.model(), oneLine(source), policy.rows(),
                inferredAt.truncatedTo(ChronoUnit.SECONDS)));
        yaml.append("# Each value is what the training data showed, and its comment says how: review them, change what\n");
        yaml.append("# you know better (every key: docs/policy-reference.md), then check the file with\n");
        yaml.append("#   driftwatch policy validate FILE\n");
        yaml.append("# and publish it for run and alerts with\n");
        yaml.append("#   driftwatch policy publish FILE --bootstrap-servers HOST:PORT\n");
    }

    private static void column(StringBuilder yaml, InferredColumn column) {
        line(yaml, 2, YamlScalars.string(column.name()) + ":");
        line(yaml, 3, "type: " + column.type().name().toLowerCase(Locale.ROOT));
        InferredColumn.Decider decider = column.decider();
        String threshold = YamlScalars.number(decider.threshold());
        if (decider.asCategories()) {
            line(yaml, 3, String.format(Locale.ROOT, "# decided by %s on its values as categories (at most %d distinct),"
                    + " threshold %s", decider.test(), DriftDefaults.FEW_DISTINCT_VALUES_MAX, threshold));
            line(yaml, 3, "# (" + decider.note() + ")");
            line(yaml, 3, "# and no tests entry: a test named here would compare the values as numbers");
        } else {
            line(yaml, 3, "tests:");
            commented(yaml, 4, decider.test() + ": {threshold: " + threshold + "}", decider.note());
        }
        line(yaml, 3, "expect:");
        line(yaml, 4, "required: true");
        column.range().ifPresent(range -> range(yaml, range));
        column.allowedValues().ifPresentOrElse(values -> values(yaml, values, column.valuesNote()),
                () -> column.valuesNote().ifPresent(note -> line(yaml, 4, "# " + note)));
        column.maxMissing().ifPresent(limit -> commented(yaml, 4, "max_missing: " + YamlScalars.number(limit),
                percent(column.missingShare()) + " missing in training, with headroom"));
    }

    private static void range(StringBuilder yaml, TrainingRange range) {
        commented(yaml, 4, "min: " + YamlScalars.number(range.min()), String.format(Locale.ROOT,
                "training range %s to %s, widened by a tenth of its span",
                YamlScalars.number(range.observedMin()), YamlScalars.number(range.observedMax())));
        line(yaml, 4, "max: " + YamlScalars.number(range.max()));
    }

    private static void values(StringBuilder yaml, List<String> values, Optional<String> note) {
        String list = "values: [" + String.join(", ", values.stream().map(YamlScalars::string).toList()) + "]";
        commented(yaml, 4, list, note.orElse("the values seen in training"));
        commented(yaml, 4, "unseen: warning", "a value outside the list is a warning; error makes check withhold its verdict");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static void commented(StringBuilder yaml, int depth, String text, String comment) {
        line(yaml, depth, text + "  # " + oneLine(comment));
    }

    private static void line(StringBuilder yaml, int depth, String text) {
        yaml.append(INDENT.repeat(depth)).append(text).append('\n');
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
    }

}
