package io.driftwatch.policy.infer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A starting policy inferred from one training file: the columns it takes for no feature, each with the reason, and
 * what it infers of every other column, both in the file's column order.
 *
 * @param model    the model the policy is for
 * @param rows     the training file's data rows
 * @param excluded likely non-features by column name, each with why
 * @param features the other columns
 */
public record InferredPolicy(String model, long rows, Map<String, String> excluded, List<InferredColumn> features) {
    public InferredPolicy {
        requireNonNull(model, "model");
        excluded = Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
        features = List.copyOf(features);
    }

    /** The inferred column named {@code name}. */
    public InferredColumn feature(String name) {
        return features.stream().filter(column -> column.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no inferred feature " + name));
    }
}
