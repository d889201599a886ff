package io.driftwatch.alerts;

import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertFinding;
import io.driftwatch.schemas.record.AlertKind;
import io.driftwatch.schemas.record.AlertSeverity;
import io.driftwatch.schemas.record.CategoryShare;
import io.driftwatch.schemas.record.FeatureSummary;
import io.driftwatch.schemas.record.QualityFinding;
import io.driftwatch.schemas.record.QuantilePair;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Alert events as the topology writes them, for tests: a numeric (p-value) and a categorical (distance) drift, a schema error, a quality rule. */
public final class SampleAlerts {
    public static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    public static final Duration WINDOW = Duration.ofMinutes(10);

    private SampleAlerts() {
    }

    public static AlertEvent drift(String model, String version, int window, String feature) {
        return event(model, version, window, AlertKind.DRIFT, AlertSeverity.WARNING, null,
                List.of(numericFinding(feature, 0.41, 4.7e-6), categoricalFinding("country", 0.22)));
    }

    public static AlertEvent event(String model, String version, int window, AlertKind kind, AlertSeverity severity,
                                   String triggerId, List<AlertFinding> findings) {
        Instant start = T0.plus(WINDOW.multipliedBy(window));
        return AlertEvent.newBuilder().setAlertId(model + "/" + version + "/" + start.toEpochMilli())
                .setModelName(model).setModelVersion(version).setKind(kind).setSeverity(severity)
                .setTitle(model + " " + version + ": " + switch (kind) {
                    case TRIGGER -> "retraining triggered (dataset drift)";
                    case SCHEMA -> "schema error";
                    default -> findings.size() + " drifted columns";
                })
                .setWindowStart(start).setWindowEnd(start.plus(WINDOW)).setReportId("report-" + window)
                .setTriggerId(triggerId).setFindings(findings).setComparison("BASELINE").build();
    }

    /** A quality alert as the topology writes it when a rule fires on the window: critical, with its trigger. */
    public static AlertEvent quality(String model, String version, int window, QualityFinding finding) {
        String what = finding.getRule().equals("quality_threshold") ? "quality below its threshold"
                : finding.getRule().equals("estimated_quality") ? "estimated quality fell, before its labels"
                : "quality dropped against the " + ("PREVIOUS_WINDOW".equals(finding.getReferenceBasis()) ? "previous window" : "baseline");
        return AlertEvent.newBuilder(event(model, version, window, AlertKind.QUALITY, AlertSeverity.CRITICAL, "quality-trigger-" + window,
                        List.of()))
                .setAlertId("quality/" + model + "/" + version + "/" + window).setComparison(null)
                .setTitle(model + " " + version + ": " + what + " (" + finding.getMetric() + "); retraining triggered")
                .setQuality(finding).build();
    }

    /**
     * A ks finding, whose rule is on the p-value (p &lt;= 0.05) as the topology writes it: reference N(40, 5)
     * against current N(55, 5), as a histogram over 28..67 in 12 bins.
     */
    public static AlertFinding numericFinding(String feature, double statistic, double pValue) {
        List<Double> edges = new ArrayList<>();
        for (int i = 0; i <= 12; i++) {
            edges.add(28 + 39.0 * i / 12);
        }
        List<Double> reference = List.of(0.02, 0.05, 0.10, 0.18, 0.22, 0.20, 0.13, 0.07, 0.03, 0.0, 0.0, 0.0);
        List<Double> current = List.of(0.0, 0.0, 0.0, 0.0, 0.02, 0.05, 0.10, 0.18, 0.22, 0.20, 0.13, 0.10);
        FeatureSummary summary = FeatureSummary.newBuilder().setReferenceCount(3000).setCurrentCount(300)
                .setReferenceMean(40.02).setCurrentMean(55.1)
                .setQuantiles(List.of(new QuantilePair(0.05, 31.8, 46.9), new QuantilePair(0.25, 36.6, 51.7),
                        new QuantilePair(0.5, 40.0, 55.0), new QuantilePair(0.75, 43.4, 58.4), new QuantilePair(0.95, 48.2, 63.3)))
                .setBinEdges(edges).setReferenceProportions(reference).setCurrentProportions(current).build();
        return AlertFinding.newBuilder().setFeature(feature).setTest("ks").setStatistic(statistic).setThreshold(0.05)
                .setEffect(Math.log(pValue) / Math.log(0.05)).setPValue(pValue).setCondition("p <= 0.05").setDetail("p <= 0.05")
                .setSummary(summary).build();
    }

    public static AlertFinding categoricalFinding(String feature, double statistic) {
        FeatureSummary summary = FeatureSummary.newBuilder().setReferenceCount(3000).setCurrentCount(300)
                .setCategories(List.of(new CategoryShare("DK", 0.33, 0.05), new CategoryShare("NO", 0.34, 0.55),
                        new CategoryShare("SE", 0.33, 0.40))).build();
        return AlertFinding.newBuilder().setFeature(feature).setTest("jensen_shannon").setStatistic(statistic).setThreshold(0.1)
                .setEffect(statistic / 0.1).setCondition("statistic >= 0.1").setDetail("statistic >= 0.1").setSummary(summary).build();
    }

    public static AlertFinding schemaError(String feature) {
        return AlertFinding.newBuilder().setFeature(feature).setTest("missing_column").setStatistic(0).setThreshold(0)
                .setEffect(Double.MAX_VALUE).setDetail("in the baseline, absent from the window").build();
    }
}
