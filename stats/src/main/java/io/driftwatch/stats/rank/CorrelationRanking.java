package io.driftwatch.stats.rank;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * NannyML's {@code CorrelationRanker}: features ordered by how closely their drift statistic follows the model's
 * performance moving away from the reference's. For each feature it takes Pearson's r ({@link PearsonCorrelation})
 * between the feature's statistic per chunk and |performance of the chunk − mean performance of the reference's
 * chunks|, chunks where either is NaN left out, and ranks the largest r first. A feature whose drift comes with the
 * performance change ranks high even if it alerted rarely; one whose drift the model shrugs off ranks low, and a
 * negative r ranks below every positive one.
 *
 * <p>Ties in r keep the features' given order (NannyML's single-key pandas sort does the same on small frames).
 * A feature whose r is undefined ranks after every defined one, in the given order, as pandas puts NaN last. Stateless.
 */
public final class CorrelationRanking {
    private CorrelationRanking() {
    }

    /**
     * @param features                 one series per feature over the same chunks as {@code performance}
     * @param performance              the metric per chunk, realized or estimated; NaN where a chunk has none
     * @param referenceMeanPerformance the metric's mean over the reference's chunks (NannyML's {@code fit})
     * @return every feature, rank 1 first, with its r, p-value, alert count and whether it ever drifted
     * @throws IllegalArgumentException when a series covers another number of chunks than {@code performance}, two
     *                                  share a name, or the reference mean is not a finite number
     */
    public static List<RankedFeature> rank(List<FeatureSeries> features, double[] performance,
                                           double referenceMeanPerformance) {
        SeriesCheck.requireAligned(features);
        if (!features.isEmpty() && features.get(0).chunks() != performance.length) {
            throw new IllegalArgumentException("the features cover " + features.get(0).chunks() + " chunks but the"
                    + " performance " + performance.length + "; rank over the same chunks");
        }
        if (!Double.isFinite(referenceMeanPerformance)) {
            throw new IllegalArgumentException("the reference's mean performance is " + referenceMeanPerformance
                    + "; a correlation ranking needs a number");
        }
        double[] performanceChange = new double[performance.length];
        for (int chunk = 0; chunk < performance.length; chunk++) {
            performanceChange[chunk] = Math.abs(performance[chunk] - referenceMeanPerformance);
        }
        List<Scored> scored = new ArrayList<>();
        for (FeatureSeries series : features) {
            scored.add(new Scored(series, PearsonCorrelation.of(series.statistics(), performanceChange).orElse(null)));
        }
        // List.sort is stable, so equal r (and all undefined ones) stay in the given order.
        scored.sort(Comparator.comparing(Scored::defined).thenComparingDouble(Scored::r).reversed());
        List<RankedFeature> ranked = new ArrayList<>();
        for (Scored feature : scored) {
            FeatureSeries series = feature.series();
            PearsonCorrelation correlation = feature.correlation();
            ranked.add(new RankedFeature(series.feature(), ranked.size() + 1, series.alertCount(),
                    correlation == null ? null : correlation.r(), correlation == null ? null : correlation.pValue(),
                    series.drifted()));
        }
        return List.copyOf(ranked);
    }

    /** A feature and its correlation, null where undefined. */
    private record Scored(FeatureSeries series, @Nullable PearsonCorrelation correlation) {
        boolean defined() {
            return correlation != null;
        }

        double r() {
            return correlation == null ? 0 : correlation.r();
        }
    }
}
