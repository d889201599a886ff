package io.driftwatch.topology.quality;

import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.topology.alert.AlertEventsEmitted;
import io.driftwatch.topology.gauge.LatestValueGauges;
import io.driftwatch.topology.trigger.TriggersEmitted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Counts what the label join does with every label and prediction, so none is dropped silently: labels
 * joined, duplicated or unmatched, predictions that saw no label within the maximum delay or repeated a
 * request id, partial tallies that came after their window was final, quality triggers emitted or held
 * back by the cool-down, and their alert events. Tags are model, version and a bounded outcome.
 *
 * <p>It also publishes the last <em>final</em> quality report of each model version as gauges: its metrics,
 * the baseline's, the labelled predictions, the label coverage and the window's end. Interim reports are
 * left out, because labels of several windows arrive at once and a gauge that followed each update would
 * jump between windows. A metric the newest final window lacks (roc_auc with one class seen) reads NaN
 * rather than the previous window's value. The newest complete performance estimate has gauges of its own
 * ({@link EstimatedQualityGauges}). Thread-safe.
 */
public final class QualityMetrics {
    static final String METRIC = "driftwatch.quality.metric";
    static final String BASELINE = "driftwatch.quality.baseline";
    static final String LABELLED = "driftwatch.quality.labelled";
    static final String COVERAGE = "driftwatch.quality.label.coverage";
    static final String WINDOW_END = "driftwatch.quality.window.end";

    private final MeterRegistry meters;
    private final LatestValueGauges gauges;
    private final EstimatedQualityGauges estimatedGauges;
    private final Map<Tags, Set<String>> metricNames = new ConcurrentHashMap<>();
    private final Map<Tags, Set<String>> baselineNames = new ConcurrentHashMap<>();

    public QualityMetrics(MeterRegistry meters) {
        this.meters = requireNonNull(meters, "meters");
        this.gauges = new LatestValueGauges(meters);
        this.estimatedGauges = new EstimatedQualityGauges(gauges);
    }

    /**
     * Publishes a final report as the model version's gauges, and a complete estimate of its newest window as the
     * estimate's gauges; an interim report changes the realized gauges not at all.
     */
    void report(QualityReport report) {
        estimatedGauges.report(report);
        if (!report.getIsFinal()) {
            return;
        }
        Tags modelTags = Tags.of("model", report.getModelName(), "version", report.getModelVersion());
        set(METRIC, "Model quality in the last final window, per metric (accuracy, macro_f1, roc_auc, log_loss; mae, rmse, ...)",
                modelTags, report.getMetrics(), metricNames);
        set(BASELINE, "Model quality the baseline recorded on its labelled data, per metric; absent without one",
                modelTags, report.getBaselineMetrics(), baselineNames);
        gauges.set(LABELLED, "Predictions of the last final window that got their label", modelTags, (double) report.getLabelled());
        gauges.set(COVERAGE, "Share of the last final window's predictions that got their label within the maximum delay",
                modelTags, report.getLabelCoverage());
        gauges.set(WINDOW_END, "End of the last final quality window, in event time (Unix epoch seconds)", modelTags,
                report.getWindowEnd().toEpochMilli() / 1000.0);
    }

    private void set(String name, String description, Tags modelTags, Map<String, Double> values, Map<Tags, Set<String>> published) {
        Set<String> names = published.computeIfAbsent(modelTags, tags -> ConcurrentHashMap.newKeySet());
        Set<String> gone = new HashSet<>(names);
        gone.removeAll(values.keySet());
        for (String metric : gone) {
            gauges.set(name, description, modelTags.and("metric", metric), Double.NaN);
        }
        values.forEach((metric, value) -> gauges.set(name, description, modelTags.and("metric", metric), value));
        names.addAll(values.keySet());
    }

    void trigger(RetrainingTrigger trigger) {
        TriggersEmitted.count(meters, trigger);
    }

    void alert(AlertEvent alert) {
        AlertEventsEmitted.count(meters, alert);
    }

    void label(String model, String outcome) {
        Counter.builder("driftwatch.quality.labels")
                .description("Labels by what became of them: joined, duplicate (counted once) or unmatched (no prediction within the maximum delay)")
                .tags("model", model, "outcome", outcome).register(meters).increment();
    }

    void unlabelled(String model, String version) {
        Counter.builder("driftwatch.quality.predictions.unlabelled")
                .description("Predictions whose label did not come within the maximum label delay")
                .tags("model", model, "version", version).register(meters).increment();
    }

    void duplicatePrediction(String model) {
        Counter.builder("driftwatch.quality.predictions.duplicate")
                .description("Predictions repeating a request id still waiting or joined; counted once")
                .tags("model", model).register(meters).increment();
    }

    void lateUpdate(String model) {
        Counter.builder("driftwatch.quality.updates.late")
                .description("Partial quality tallies that arrived after their window's report was final")
                .tags("model", model).register(meters).increment();
    }

    void suppressedTrigger(String model, String version) {
        Counter.builder("driftwatch.quality.triggers.suppressed")
                .description("Quality rules that fired during the trigger cool-down")
                .tags("model", model, "version", version).register(meters).increment();
    }
}
