package io.driftwatch.topology.drift;

import io.driftwatch.stats.rank.FeatureSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * What a model version's feature ranking counts over: each feature's drift in its last judged windows, oldest first
 * (windows whose verdict was withheld are not among them). A feature a window did not have counts there as not
 * drifted, without a statistic. Immutable.
 *
 * @param windows the windows, oldest first
 */
record FeatureHistory(List<Window> windows) {
    static final FeatureHistory EMPTY = new FeatureHistory(List.of());

    FeatureHistory {
        windows = List.copyOf(requireNonNull(windows, "windows"));
    }

    /** This history with {@code window} last, keeping at most {@code keep} windows. */
    FeatureHistory with(Window window, int keep) {
        List<Window> kept = new ArrayList<>(windows);
        kept.add(window);
        return new FeatureHistory(kept.subList(Math.max(0, kept.size() - keep), kept.size()));
    }

    /** Every feature any window had, by name, each over all the windows. */
    List<FeatureSeries> series() {
        SortedSet<String> features = new TreeSet<>();
        windows.forEach(window -> features.addAll(window.features().keySet()));
        List<FeatureSeries> series = new ArrayList<>();
        for (String feature : features) {
            double[] statistics = new double[windows.size()];
            boolean[] alerts = new boolean[windows.size()];
            for (int i = 0; i < windows.size(); i++) {
                FeatureDrift drift = windows.get(i).features().get(feature);
                statistics[i] = drift == null ? Double.NaN : drift.statistic();
                alerts[i] = drift != null && drift.drifted();
            }
            series.add(FeatureSeries.of(feature, statistics, alerts));
        }
        return series;
    }

    /**
     * One judged window.
     *
     * @param startMillis its start
     * @param features    each feature's drift in it
     */
    record Window(long startMillis, Map<String, FeatureDrift> features) {
        Window {
            features = new TreeMap<>(features);
        }
    }

    /**
     * One feature's drift in one window.
     *
     * @param statistic the statistic of its strongest test, NaN when it had none
     * @param drifted   whether its verdict was drift
     */
    record FeatureDrift(double statistic, boolean drifted) {
    }
}
