package io.driftwatch.stats.rank;

import java.util.Arrays;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * One feature's drift over a run of chunks or windows, in time order: the statistic of the test that judges it, and
 * whether it alerted, per chunk. A ranking compares features over the same chunks, so every series it is given has
 * the same length. A statistic a chunk does not have (the test could not run there) is NaN; such a chunk still counts
 * its alert, and the correlation leaves it out.
 *
 * <p>Immutable: the arrays are copied on the way in and never handed out.
 */
public final class FeatureSeries {
    private final String feature;
    private final double[] statistics;
    private final boolean[] alerts;

    private FeatureSeries(String feature, double[] statistics, boolean[] alerts) {
        this.feature = feature;
        this.statistics = statistics;
        this.alerts = alerts;
    }

    /**
     * @param statistics the drift statistic per chunk; NaN where there is none
     * @param alerts     whether the feature drifted, per chunk
     * @throws IllegalArgumentException when the two arrays are not of the same length
     */
    public static FeatureSeries of(String feature, double[] statistics, boolean[] alerts) {
        requireNonNull(feature, "feature");
        if (statistics.length != alerts.length) {
            throw new IllegalArgumentException("feature " + feature + " has " + statistics.length + " statistics but "
                    + alerts.length + " alert flags; give one of each per chunk");
        }
        return new FeatureSeries(feature, statistics.clone(), alerts.clone());
    }

    public String feature() {
        return feature;
    }

    /** How many chunks the series covers. */
    public int chunks() {
        return statistics.length;
    }

    /** The statistic of chunk {@code chunk} (0 first); NaN when it has none. */
    public double statistic(int chunk) {
        return statistics[chunk];
    }

    double[] statistics() {
        return statistics.clone();
    }

    /** In how many chunks the feature drifted. */
    public int alertCount() {
        int count = 0;
        for (boolean alert : alerts) {
            count += alert ? 1 : 0;
        }
        return count;
    }

    /** Whether the feature drifted in any chunk. */
    public boolean drifted() {
        return alertCount() > 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureSeries series && feature.equals(series.feature)
                && Arrays.equals(statistics, series.statistics) && Arrays.equals(alerts, series.alerts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(feature, Arrays.hashCode(statistics), Arrays.hashCode(alerts));
    }

    @Override
    public String toString() {
        return "FeatureSeries[" + feature + ", statistics=" + Arrays.toString(statistics) + ", alerts="
                + Arrays.toString(alerts) + "]";
    }
}
