package io.driftwatch.policy.infer;

import io.driftwatch.policy.yaml.YamlScalars;
import io.driftwatch.stats.baseline.BaselineBuilder;
import io.driftwatch.stats.baseline.BaselineSettings;
import io.driftwatch.stats.baseline.ColumnBaseline;
import io.driftwatch.stats.baseline.TrainingBaseline;
import io.driftwatch.stats.calibration.Calibration;
import io.driftwatch.stats.calibration.CalibrationPlan;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.DriftDefaults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Infers a starting policy from a model's training columns. The default tests and their thresholds come from the
 * {@link BaselineBuilder} that {@code driftwatch baseline} runs, with the same settings, so the thresholds a policy
 * starts from are the ones {@code baseline --calibrate} stores for the same file; the rules for non-features, ranges,
 * allowed values and missing shares are {@link NonFeatures}, {@link TrainingRange}, {@link AllowedValues} and
 * {@link MissingShare}. Deterministic. Thread-safe.
 */
public final class PolicyInference {
    /**
     * Fewest training rows a policy is inferred from: calibration needs {@value CalibrationPlan#MIN_CHUNKS} chunks of
     * {@value CalibrationPlan#MIN_CHUNK_ROWS} values, and on fewer rows no range, share or list of values means much.
     */
    public static final long MIN_ROWS = (long) CalibrationPlan.MIN_CHUNKS * CalibrationPlan.MIN_CHUNK_ROWS;

    private final BaselineSettings settings;

    /**
     * @param settings the baseline settings whose calibration the thresholds follow; {@code BaselineSettings.defaults()}
     *                 for {@code baseline}'s defaults
     */
    public PolicyInference(BaselineSettings settings) {
        this.settings = requireNonNull(settings, "settings");
    }

    /**
     * @param model   the model the policy is for
     * @param rows    the training file's data rows, at least {@link #MIN_ROWS}
     * @param columns the training columns by name, in the file's order
     * @throws IllegalArgumentException when there are fewer than {@link #MIN_ROWS} rows
     */
    public InferredPolicy infer(String model, long rows, Map<String, ? extends ColumnData> columns) {
        requireNonNull(model, "model");
        if (rows < MIN_ROWS) {
            throw new IllegalArgumentException(rows + " rows are too few to infer a policy from; give at least " + MIN_ROWS);
        }
        Map<String, String> excluded = new LinkedHashMap<>();
        Map<String, ColumnData> features = new LinkedHashMap<>();
        columns.forEach((name, column) -> NonFeatures.reason(name, column)
                .ifPresentOrElse(reason -> excluded.put(name, reason), () -> features.put(name, column)));
        TrainingBaseline baseline = new BaselineBuilder(settings).build(rows, features);
        List<InferredColumn> inferred = new ArrayList<>();
        for (ColumnBaseline built : baseline.columns()) {
            inferred.add(column(built, requireNonNull(features.get(built.name()), "a built column was given")));
        }
        return new InferredPolicy(model, rows, excluded, inferred);
    }

    private static InferredColumn column(ColumnBaseline built, ColumnData column) {
        InferredColumn.Decider decider = decider(built);
        if (column instanceof ColumnData.Numeric numeric) {
            return new InferredColumn(built.name(), column.type(), decider, Optional.of(TrainingRange.of(numeric.values())),
                    Optional.empty(), Optional.empty(), column.missingRate(), MissingShare.limit(column));
        }
        AllowedValues.Inferred values = AllowedValues.of(((ColumnData.Categorical) column).counts());
        return new InferredColumn(built.name(), column.type(), decider, Optional.empty(), values.values(),
                Optional.of(values.note()), column.missingRate(), MissingShare.limit(column));
    }

    private static InferredColumn.Decider decider(ColumnBaseline built) {
        String test = requireNonNull(built.defaultTest(), "a feature with values has a default test");
        Double calibrated = built.thresholds().get(test);
        if (calibrated != null) {
            Calibration.Calibrated calibration = built.calibrations().stream()
                    .filter(Calibration.Calibrated.class::isInstance).map(Calibration.Calibrated.class::cast)
                    .findFirst().orElseThrow();
            return new InferredColumn.Decider(test, calibrated, true, String.format(Locale.ROOT,
                    "calibrated as baseline --calibrate: mean + %s sd over %d chunks of %d values",
                    YamlScalars.number(CalibrationPlan.SIGMAS), calibration.chunks(), calibration.chunkRows()), built.asCategories());
        }
        String reason = built.notCalibrated().getOrDefault(test, "calibration is off");
        return new InferredColumn.Decider(test, DriftDefaults.threshold(test).value(), false,
                "the default threshold: " + reason, built.asCategories());
    }
}
