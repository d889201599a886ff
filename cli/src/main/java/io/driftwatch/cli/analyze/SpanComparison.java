package io.driftwatch.cli.analyze;

import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.stats.profile.ColumnProfile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A merged span compared with its reference by the engine the stream and {@code check} share
 * ({@link ProfileComparator}): exact tests where the merged profiles still hold their values, sketch forms with their
 * error bounds otherwise, and the dataset judged as {@code check} judges it.
 *
 * @param report    every column's tests and the schema findings
 * @param judgement the verdict to act on
 */
public record SpanComparison(DriftComparison report, DatasetJudgement judgement) {
    public SpanComparison {
        requireNonNull(report, "report");
        requireNonNull(judgement, "judgement");
    }

    /**
     * @param settings        the tests and thresholds, a baseline's calibrated choices already applied
     * @param excludedColumns columns that are not features, left out of both sides as the stream leaves them out
     * @param currentRecords  the current span's records, which a verdict needs at least {@code minRecords} of
     */
    public static SpanComparison run(ComparisonSettings settings, Map<String, ColumnProfile> reference,
                                     Map<String, ColumnProfile> current, Set<String> excludedColumns,
                                     long currentRecords, long minRecords) {
        DriftComparison report = new ProfileComparator(settings)
                .compare(features(reference, excludedColumns), features(current, excludedColumns));
        return new SpanComparison(report, DatasetJudgement.of(report, currentRecords, minRecords));
    }

    private static Map<String, ColumnProfile> features(Map<String, ColumnProfile> profiles, Set<String> excludedColumns) {
        Map<String, ColumnProfile> features = new LinkedHashMap<>(profiles);
        features.keySet().removeAll(excludedColumns);
        return features;
    }
}
