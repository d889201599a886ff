package io.driftwatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.policy.layer.PolicyLayer;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.TestOptions;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The policy one model version is judged under, after precedence (defaults, then the {@code *} policy, then the
 * model's, then the version's): the typed policy, the merged tree, where each value came from, and its own content
 * id. Also the {@link ComparisonSettings} it asks for, through {@link PolicyComparison}.
 *
 * @param version the model version, empty for the policy of every version
 * @param merged  the merged tree and each leaf's source, by JSON Pointer
 */
public record EffectivePolicy(String model, Optional<String> version, ModelPolicy policy, PolicyLayer merged, PolicyId id) {
    public EffectivePolicy {
        requireNonNull(model, "model");
        requireNonNull(version, "version");
        requireNonNull(policy, "policy");
        requireNonNull(merged, "merged");
        requireNonNull(id, "id");
    }

    static EffectivePolicy of(String model, Optional<String> version, PolicyLayer merged) {
        JsonNode tree = merged.tree();
        return new EffectivePolicy(model, version, PolicyBinder.bind(tree), merged, PolicyId.of(tree));
    }

    /** Where the value at {@code pointer} (e.g. {@code /window/size}) came from; empty when no layer set it. */
    public Optional<String> sourceOf(String pointer) {
        return Optional.ofNullable(merged.sources().get(pointer));
    }

    /** Columns that are not features. */
    public Set<String> excludedColumns() {
        return policy.features().exclude();
    }

    /** The tests of every feature without its own, empty for the default selection. */
    public List<String> tests() {
        return policy.features().tests().map(tests -> List.copyOf(tests.keySet())).orElse(List.of());
    }

    /** Each configured column's own tests, by column. */
    public Map<String, List<String>> testsByColumn() {
        Map<String, List<String>> byColumn = new LinkedHashMap<>();
        policy.features().columns().forEach((column, settings) ->
                settings.tests().ifPresent(tests -> byColumn.put(column, List.copyOf(tests.keySet()))));
        return byColumn;
    }

    /** The fixed threshold levels of {@code features.tests}, by test; {@code calibrated} ones are not among them. */
    public Map<String, Double> thresholdsByTest() {
        return levels(policy.features().tests().orElse(Map.of()));
    }

    /** The fixed threshold levels of each column's own tests, by column then test. */
    public Map<String, Map<String, Double>> thresholdsByColumn() {
        Map<String, Map<String, Double>> byColumn = new LinkedHashMap<>();
        policy.features().columns().forEach((column, settings) -> settings.tests().map(EffectivePolicy::levels)
                .filter(levels -> !levels.isEmpty()).ifPresent(levels -> byColumn.put(column, levels)));
        return byColumn;
    }

    /** The tests held to the baseline's calibrated threshold, by column; {@code *} for {@code features.tests}. */
    public Map<String, Set<String>> calibratedTests() {
        Map<String, Set<String>> byColumn = new LinkedHashMap<>();
        policy.features().tests().map(EffectivePolicy::calibrated).filter(tests -> !tests.isEmpty())
                .ifPresent(tests -> byColumn.put(ModelPolicy.ANY, tests));
        policy.features().columns().forEach((column, settings) -> settings.tests().map(EffectivePolicy::calibrated)
                .filter(tests -> !tests.isEmpty()).ifPresent(tests -> byColumn.put(column, tests)));
        return byColumn;
    }

    /**
     * The options each test runs with, by column then test ({@code *} for {@code features.tests}): what the policy
     * sets, {@link TestOptions#DEFAULT} for the rest.
     */
    public Map<String, Map<String, TestOptions>> testOptionsByColumn() {
        Map<String, Map<String, TestOptions>> byColumn = new LinkedHashMap<>();
        policy.features().tests().ifPresent(tests -> byColumn.put(ModelPolicy.ANY, options(tests)));
        policy.features().columns().forEach((column, settings) ->
                settings.tests().ifPresent(tests -> byColumn.put(column, options(tests))));
        return byColumn;
    }

    /** The share of drifted features at which the data set counts as drifted. */
    public double datasetDriftShare() {
        return policy.triggers().datasetDrift().flatMap(rule -> rule.share().isPresent()
                ? Optional.of(rule.share().getAsDouble()) : Optional.empty()).orElse(DriftDefaults.DATASET_DRIFT_SHARE);
    }

    /**
     * The comparison settings this policy asks for on {@code base}: {@link PolicyComparison#settings}, the one
     * conversion. Exclusions and calibrated thresholds are the caller's to apply ({@link #excludedColumns},
     * {@link PolicyComparison#calibrationTargets}).
     */
    public ComparisonSettings comparisonSettings(ComparisonSettings base) {
        return PolicyComparison.settings(this, base);
    }

    static Map<String, Double> levels(Map<String, TestSpec> tests) {
        Map<String, Double> levels = new LinkedHashMap<>();
        tests.forEach((test, spec) -> spec.threshold().ifPresent(threshold -> {
            if (threshold instanceof ThresholdSpec.Level level) {
                levels.put(test, level.value());
            }
        }));
        return levels;
    }

    private static Set<String> calibrated(Map<String, TestSpec> tests) {
        Set<String> calibrated = new LinkedHashSet<>();
        tests.forEach((test, spec) -> spec.threshold().filter(ThresholdSpec.Calibrated.class::isInstance)
                .ifPresent(threshold -> calibrated.add(test)));
        return calibrated;
    }

    static Map<String, TestOptions> options(Map<String, TestSpec> tests) {
        Map<String, TestOptions> options = new LinkedHashMap<>();
        tests.forEach((test, spec) -> options.put(test, spec.options()));
        return options;
    }
}
