package io.driftwatch.topology.performance;

import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.stats.quality.QualityMetric;
import io.driftwatch.topology.policy.RankingRule;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What a model version's quality reports last said of its latest windows' performance: per window start, the
 * realized metrics of the labels joined so far and the estimated ones (CBPE), and the baseline's own value of each
 * metric (from its labelled validation set). The drift stage's correlation ranking reads it; it keeps the latest
 * {@value #KEPT_WINDOWS} windows, the most a ranking counts over. Immutable.
 *
 * @param windows   each window's performance by its start
 * @param reference the baseline's value of each metric, as the latest report that had one gave it
 */
public record WindowPerformances(NavigableMap<Long, Window> windows, Map<String, Double> reference) {
    public static final WindowPerformances EMPTY = new WindowPerformances(new TreeMap<>(), Map.of());
    static final int KEPT_WINDOWS = 100;
    /** Fewest windows with a known performance a correlation is taken over: with two, r is always ±1. */
    public static final int MIN_WINDOWS = 3;

    public WindowPerformances {
        windows = new TreeMap<>(windows);
        reference = Map.copyOf(reference);
    }

    /** These windows with {@code report}'s replacing what an earlier report of its window said. */
    WindowPerformances with(QualityReport report) {
        TreeMap<Long, Window> updated = new TreeMap<>(windows);
        updated.put(report.getWindowStart().toEpochMilli(), Window.of(report));
        while (updated.size() > KEPT_WINDOWS) {
            updated.pollFirstEntry();
        }
        return new WindowPerformances(updated, report.getBaselineMetrics().isEmpty() ? reference
                : finite(report.getBaselineMetrics()));
    }

    /**
     * The performance of the windows starting at {@code starts}, in their order, NaN where unknown; empty when fewer
     * than {@value #MIN_WINDOWS} of them have it, or the baseline has no value of the metric to measure change from.
     *
     * @param metric the metric to follow; null for roc_auc where the windows have it, else accuracy, else the first
     *               they have in {@link QualityMetric}'s order (as {@code check --rank correlation} chooses)
     */
    public Optional<PerformanceSeries> series(List<Long> starts, @Nullable String metric, RankingRule.Performance basis) {
        requireNonNull(basis, "basis");
        String chosen = metric != null ? metric : defaultMetric(starts, basis).orElse(null);
        Double referenceValue = chosen == null ? null : reference.get(chosen);
        if (chosen == null || referenceValue == null) {
            return Optional.empty();
        }
        List<Double> values = new ArrayList<>();
        int known = 0;
        for (long start : starts) {
            Window window = windows.get(start);
            Double value = window == null ? null : window.of(basis).get(chosen);
            values.add(value == null ? Double.NaN : value);
            known += value == null ? 0 : 1;
        }
        return known < MIN_WINDOWS ? Optional.empty()
                : Optional.of(new PerformanceSeries(chosen, basis, values, referenceValue));
    }

    private Optional<String> defaultMetric(List<Long> starts, RankingRule.Performance basis) {
        List<Map<String, Double>> known = starts.stream().map(windows::get).filter(window -> window != null)
                .map(window -> window.of(basis)).toList();
        for (String preferred : List.of("roc_auc", "accuracy")) {
            if (known.stream().anyMatch(metrics -> metrics.containsKey(preferred))) {
                return Optional.of(preferred);
            }
        }
        return QualityMetric.names().stream()
                .filter(name -> known.stream().anyMatch(metrics -> metrics.containsKey(name))).findFirst();
    }

    private static Map<String, Double> finite(Map<String, Double> metrics) {
        Map<String, Double> kept = new HashMap<>();
        metrics.forEach((name, value) -> {
            if (value != null && Double.isFinite(value)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /**
     * One window's performance, each metric only where its report had a finite value.
     *
     * @param realized  the metrics of the labels joined so far; empty before the first label
     * @param estimated the estimated metrics; empty without a CBPE fit
     */
    public record Window(Map<String, Double> realized, Map<String, Double> estimated) {
        public Window {
            realized = Map.copyOf(realized);
            estimated = Map.copyOf(estimated);
        }

        static Window of(QualityReport report) {
            Map<String, Double> estimated = new HashMap<>();
            if (report.getEstimated() != null) {
                for (EstimatedMetricReport metric : report.getEstimated().getMetrics()) {
                    estimated.put(metric.getMetric(), metric.getValue());
                }
            }
            return new Window(report.getLabelled() > 0 ? finite(report.getMetrics()) : Map.of(), finite(estimated));
        }

        Map<String, Double> of(RankingRule.Performance basis) {
            return basis == RankingRule.Performance.REALIZED ? realized : estimated;
        }
    }

    /**
     * A metric over a ranking's windows.
     *
     * @param values    per window, NaN where unknown
     * @param reference the baseline's value of the metric
     */
    public record PerformanceSeries(String metric, RankingRule.Performance basis, List<Double> values, double reference) {
        public PerformanceSeries {
            values = List.copyOf(values);
        }

        /** The values as an array, for the ranking. */
        public double[] valueArray() {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
