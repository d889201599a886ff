package io.driftwatch.topology.drift;

import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.MultivariateDrift;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.SkewKind;
import io.driftwatch.schemas.record.SkewSeverity;
import io.driftwatch.schemas.record.TestResult;
import io.driftwatch.topology.alert.AlertEventsEmitted;
import io.driftwatch.topology.gauge.LatestValueGauges;
import io.driftwatch.topology.trigger.TriggersEmitted;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Publishes the last closed window of each model version as meters, so a dashboard sees drift without
 * reading the reports topic: per feature and test the statistic, its threshold and the drift flag; per
 * model version the dataset drift share and flag, the window's record count and its schema findings by
 * kind and severity; per model version the multivariate (PCA reconstruction error) drift, its reference's two
 * thresholds, its alert flag and the rows it is scored on, when the baseline carries a multivariate fit; and
 * counters of triggers (by rule) and alert events (by kind and severity) emitted.
 *
 * <p>Gauges are registered once per tag set and then only updated, and they hold the latest window's value
 * until the next window of that model version replaces it. A task replayed after a failure re-publishes the
 * same window, so the gauges are exact; the two counters are at-least-once (a replayed window counts again),
 * while the topics stay exactly-once. Per model version this creates 3 gauges per feature and test (the
 * prediction counts as a feature), 4 for the dataset, 12 for schema findings (every kind and severity, 0
 * when absent), and 5 multivariate gauges once a window of the version carried a multivariate drift (a later
 * window without one reads NaN, so an old alert flag does not outlive the fit). The {@code feature} tag is
 * capped by a meter filter in the application ({@code driftwatch.metrics.features.max}). Thread-safe: one
 * instance serves every stream task.
 */
public final class DriftMetrics {
    static final String STATISTIC = "driftwatch.drift.statistic";
    static final String THRESHOLD = "driftwatch.drift.threshold";
    static final String DETECTED = "driftwatch.drift.detected";
    static final String SHARE = "driftwatch.dataset.drift.share";
    static final String DATASET_DETECTED = "driftwatch.dataset.drift.detected";
    static final String WINDOW_RECORDS = "driftwatch.window.records";
    static final String WINDOW_END = "driftwatch.window.end";
    static final String SCHEMA_FINDINGS = "driftwatch.schema.findings";
    static final String MULTIVARIATE = "driftwatch.multivariate.drift";
    static final String MULTIVARIATE_THRESHOLD_LOWER = "driftwatch.multivariate.drift.threshold.lower";
    static final String MULTIVARIATE_THRESHOLD_UPPER = "driftwatch.multivariate.drift.threshold.upper";
    static final String MULTIVARIATE_ALERT = "driftwatch.multivariate.drift.alert";
    static final String MULTIVARIATE_ROWS = "driftwatch.multivariate.drift.rows";

    private final MeterRegistry meters;
    private final LatestValueGauges gauges;
    private final Set<Tags> multivariateShown = ConcurrentHashMap.newKeySet();

    public DriftMetrics(MeterRegistry meters) {
        this.meters = requireNonNull(meters, "meters");
        this.gauges = new LatestValueGauges(meters);
    }

    /** Publishes a window's report; a report whose verdict was withheld still updates counts and findings. */
    void report(DriftReport report) {
        String model = report.getModelName();
        String version = report.getModelVersion();
        Tags modelTags = Tags.of("model", model, "version", version);
        set(WINDOW_RECORDS, "Inference records in the last closed window", modelTags, (double) report.getRecords());
        set(WINDOW_END, "End of the last closed window, in event time (Unix epoch seconds)", modelTags,
                report.getWindowEnd().toEpochMilli() / 1000.0);
        set(SHARE, "Share of compared columns that drifted in the last closed window", modelTags, report.getDriftShare());
        set(DATASET_DETECTED, "1 when the last closed window drifted as a data set (share at or above its threshold), else 0",
                modelTags, report.getDatasetDrift() ? 1 : 0);
        for (ColumnDrift column : report.getColumns()) {
            for (TestResult test : column.getTests()) {
                Tags tags = modelTags.and("feature", column.getFeature(), "test", test.getTest());
                set(STATISTIC, "Statistic of a drift test on one feature in the last closed window", tags, test.getStatistic());
                set(THRESHOLD, "Threshold the drift test's statistic (or p-value, for p-value tests) is compared with", tags,
                        test.getThreshold());
                set(DETECTED, "1 when the drift test found drift on the feature in the last closed window, else 0 (no drift or inconclusive)",
                        tags, test.getVerdict() == DriftVerdict.DRIFT ? 1 : 0);
            }
        }
        findings(modelTags, report.getSchemaFindings());
        multivariate(modelTags, report.getMultivariate());
    }

    void trigger(RetrainingTrigger trigger) {
        TriggersEmitted.count(meters, trigger);
    }

    void alert(AlertEvent alert) {
        AlertEventsEmitted.count(meters, alert);
    }

    private void findings(Tags modelTags, List<SkewFinding> findings) {
        Map<SkewKind, Map<SkewSeverity, Integer>> counts = new EnumMap<>(SkewKind.class);
        for (SkewFinding finding : findings) {
            counts.computeIfAbsent(finding.getKind(), kind -> new EnumMap<>(SkewSeverity.class))
                    .merge(finding.getSeverity(), 1, Integer::sum);
        }
        // Every kind and severity is published, 0 when absent, so a finding that goes away reads 0, not its old count.
        for (SkewKind kind : SkewKind.values()) {
            for (SkewSeverity severity : SkewSeverity.values()) {
                int count = counts.getOrDefault(kind, Map.of()).getOrDefault(severity, 0);
                set(SCHEMA_FINDINGS, "Schema findings in the last closed window, by kind and severity",
                        modelTags.and("kind", kind.name().toLowerCase(Locale.ROOT), "severity", severity.name().toLowerCase(Locale.ROOT)),
                        count);
            }
        }
    }

    private void multivariate(Tags modelTags, @Nullable MultivariateDrift drift) {
        // A version that never had a multivariate fit gets no series; one whose fit went away reads NaN, not its last alert.
        if (drift == null && !multivariateShown.contains(modelTags)) {
            return;
        }
        multivariateShown.add(modelTags);
        set(MULTIVARIATE, "Multivariate drift of the last closed window: the mean PCA reconstruction error of its inferences "
                + "with the baseline's fit; NaN with no row or no fit", modelTags, orNaN(drift == null ? null : drift.getValue()));
        set(MULTIVARIATE_THRESHOLD_LOWER, "The lowest reconstruction error that does not alert, from the baseline's reference chunks; NaN without",
                modelTags, orNaN(drift == null ? null : drift.getThresholdLower()));
        set(MULTIVARIATE_THRESHOLD_UPPER, "The highest reconstruction error that does not alert, from the baseline's reference chunks; NaN without",
                modelTags, orNaN(drift == null ? null : drift.getThresholdUpper()));
        set(MULTIVARIATE_ALERT, "1 when the last closed window's reconstruction error lies outside its thresholds, else 0; NaN with no fit",
                modelTags, drift == null ? Double.NaN : drift.getAlert() ? 1 : 0);
        set(MULTIVARIATE_ROWS, "Inferences of the last closed window scored with the baseline's multivariate fit", modelTags,
                drift == null ? Double.NaN : (double) drift.getRows());
    }

    private static double orNaN(@Nullable Double value) {
        return value == null ? Double.NaN : value;
    }

    private void set(String name, String description, Tags tags, double value) {
        gauges.set(name, description, tags, value);
    }
}
