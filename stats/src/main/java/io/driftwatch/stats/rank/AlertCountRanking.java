package io.driftwatch.stats.rank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * NannyML's {@code AlertCountRanker}: features ordered by the number of chunks they drifted in, most first. It needs
 * nothing but the drift verdicts, so it ranks where the model's performance is unknown.
 *
 * <p>Ties go to the feature whose name sorts <em>last</em>: NannyML sorts on (alert count, name), both descending,
 * although its docstring says ties go alphanumerically; this follows its code, so the same features get the same ranks
 * here and there. Names compare by their UTF-16 code units (Python's order for every name outside the supplementary
 * planes). Stateless.
 */
public final class AlertCountRanking {
    private static final Comparator<FeatureSeries> MOST_ALERTS_THEN_NAME_DESCENDING =
            Comparator.comparingInt(FeatureSeries::alertCount).thenComparing(FeatureSeries::feature).reversed();

    private AlertCountRanking() {
    }

    /**
     * @param features one series per feature, over the same chunks; names are unique
     * @return every feature, rank 1 first, with its alert count; no correlation
     * @throws IllegalArgumentException when two series have the same name or cover different numbers of chunks
     */
    public static List<RankedFeature> rank(List<FeatureSeries> features) {
        SeriesCheck.requireAligned(features);
        List<FeatureSeries> ordered = new ArrayList<>(features);
        ordered.sort(MOST_ALERTS_THEN_NAME_DESCENDING);
        List<RankedFeature> ranked = new ArrayList<>();
        for (FeatureSeries series : ordered) {
            ranked.add(new RankedFeature(series.feature(), ranked.size() + 1, series.alertCount(), null, null,
                    series.drifted()));
        }
        return List.copyOf(ranked);
    }
}
