package io.driftwatch.topology.quality;

import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.EstimatedPerformance;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.topology.gauge.LatestValueGauges;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Publishes the newest complete performance estimate (CBPE) of each model version as gauges, so a dashboard shows
 * how a window is likely doing before its labels come: per metric the estimate, its ±3 sampling-error band, the
 * reference's thresholds and whether it alerts, and the predictions it is made of. An incomplete estimate changes
 * nothing, as predictions may still join its window. A window's estimate keeps coming with each label update of that
 * window, long after newer windows were estimated: only a report of a window ending no earlier than the one shown
 * replaces it, so the gauges never step back to an older window. A metric the newest estimate lacks reads NaN.
 * Thread-safe.
 */
final class EstimatedQualityGauges {
    static final String ESTIMATED = "driftwatch.quality.estimated";
    static final String LOWER = "driftwatch.quality.estimated.lower";
    static final String UPPER = "driftwatch.quality.estimated.upper";
    static final String THRESHOLD_LOWER = "driftwatch.quality.estimated.threshold.lower";
    static final String THRESHOLD_UPPER = "driftwatch.quality.estimated.threshold.upper";
    static final String ALERT = "driftwatch.quality.estimated.alert";
    static final String PREDICTIONS = "driftwatch.quality.estimated.predictions";

    private final LatestValueGauges gauges;
    private final Map<Tags, Long> shownWindowEndMillis = new ConcurrentHashMap<>();
    private final Map<Tags, Set<String>> metricNames = new ConcurrentHashMap<>();

    EstimatedQualityGauges(LatestValueGauges gauges) {
        this.gauges = requireNonNull(gauges, "gauges");
    }

    /** Publishes the report's estimate if it is complete and of the newest window estimated so far. */
    void report(QualityReport report) {
        EstimatedPerformance estimated = report.getEstimated();
        if (estimated == null || !estimated.getComplete()) {
            return;
        }
        Tags modelTags = Tags.of("model", report.getModelName(), "version", report.getModelVersion());
        long windowEndMillis = report.getWindowEnd().toEpochMilli();
        Long shown = shownWindowEndMillis.merge(modelTags, windowEndMillis, Math::max);
        if (shown != windowEndMillis) {
            return;
        }
        Set<String> published = metricNames.computeIfAbsent(modelTags, tags -> ConcurrentHashMap.newKeySet());
        Set<String> gone = new HashSet<>(published);
        for (EstimatedMetricReport metric : estimated.getMetrics()) {
            gone.remove(metric.getMetric());
            set(modelTags.and("metric", metric.getMetric()), metric);
        }
        gone.forEach(metric -> set(modelTags.and("metric", metric), null));
        estimated.getMetrics().forEach(metric -> published.add(metric.getMetric()));
        gauges.set(PREDICTIONS, "Predictions the newest complete performance estimate is made of (those with a score of the positive class)",
                modelTags, (double) estimated.getPredictions());
    }

    private void set(Tags tags, @Nullable EstimatedMetricReport metric) {
        gauges.set(ESTIMATED, "Model quality estimated from the scores before labels (CBPE) in the newest complete window, per metric",
                tags, metric == null ? Double.NaN : metric.getValue());
        gauges.set(LOWER, "The estimate minus 3 sampling errors, clipped to the metric's range", tags,
                metric == null ? Double.NaN : metric.getLower());
        gauges.set(UPPER, "The estimate plus 3 sampling errors, clipped to the metric's range", tags,
                metric == null ? Double.NaN : metric.getUpper());
        gauges.set(THRESHOLD_LOWER, "The lowest estimate that does not alert, from the baseline's reference chunks; NaN without",
                tags, orNaN(metric == null ? null : metric.getThresholdLower()));
        gauges.set(THRESHOLD_UPPER, "The highest estimate that does not alert, from the baseline's reference chunks; NaN without",
                tags, orNaN(metric == null ? null : metric.getThresholdUpper()));
        gauges.set(ALERT, "1 when the estimate lies outside its thresholds whatever its error bound, else 0", tags,
                metric == null ? Double.NaN : metric.getAlert() ? 1.0 : 0.0);
    }

    private static double orNaN(@Nullable Double value) {
        return value == null ? Double.NaN : value;
    }
}
