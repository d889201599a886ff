package io.driftwatch.topology.drift;

import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertFinding;
import io.driftwatch.schemas.record.AlertKind;
import io.driftwatch.schemas.record.AlertSeverity;
import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.FeatureRanking;
import io.driftwatch.schemas.record.MultivariateDrift;
import io.driftwatch.schemas.record.MultivariateFinding;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.SkewSeverity;
import io.driftwatch.schemas.record.TestResult;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.topology.multivariate.MultivariateDriftRecords;
import io.driftwatch.topology.trigger.TriggerDecider;
import io.driftwatch.topology.trigger.TriggerIds;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The alert a person should get about one window, if any: a trigger, a schema error, or drift. One alert
 * per window and model version, with an id derived from them, so the alerts process can deduplicate. Each
 * drifted feature carries its strongest test's statistic, p-value and rule, so the email can set the number
 * the rule judges against its threshold, and the reference and current values a person compares
 * ({@link FeatureSummaries}).
 */
final class AlertEvents {
    private AlertEvents() {
    }

    static Optional<AlertEvent> of(DriftReport report, @Nullable RetrainingTrigger trigger,
                                   Map<String, ColumnProfile> reference, Map<String, ColumnProfile> current) {
        boolean schemaError = report.getSchemaFindings().stream().anyMatch(f -> f.getSeverity() == SkewSeverity.ERROR);
        boolean drift = report.getColumns().stream().anyMatch(c -> c.getVerdict() == DriftVerdict.DRIFT);
        MultivariateDrift multivariate = report.getMultivariate();
        boolean multivariateDrift = multivariate != null && multivariate.getAlert() && report.getVerdictWithheld() == null;
        AlertKind kind = trigger != null ? AlertKind.TRIGGER : schemaError ? AlertKind.SCHEMA
                : drift || multivariateDrift ? AlertKind.DRIFT : null;
        if (kind == null) {
            return Optional.empty();
        }
        AlertSeverity severity = kind == AlertKind.DRIFT && !report.getDatasetDrift() ? AlertSeverity.WARNING : AlertSeverity.CRITICAL;
        List<AlertFinding> findings = new ArrayList<>();
        FeatureRanking ranking = report.getFeatureRanking();
        Map<String, Integer> ranks = new HashMap<>();
        if (ranking != null) {
            ranking.getFeatures().forEach(ranked -> ranks.put(ranked.getFeature(), ranked.getRank()));
        }
        report.getColumns().stream().filter(c -> c.getVerdict() == DriftVerdict.DRIFT)
                .map(column -> finding(column, reference, current, ranks.get(column.getFeature())))
                .sorted(ranking == null ? Comparator.comparingDouble(AlertFinding::getEffect).reversed()
                        : Comparator.comparingInt((AlertFinding finding) -> finding.getRank() == null ? Integer.MAX_VALUE
                                : finding.getRank()))
                .forEach(findings::add);
        report.getSchemaFindings().forEach(f -> findings.add(AlertFinding.newBuilder().setFeature(f.getFeature())
                .setTest(f.getKind().name().toLowerCase(Locale.ROOT)).setStatistic(0).setThreshold(0)
                .setEffect(f.getSeverity() == SkewSeverity.ERROR ? Double.MAX_VALUE : 0).setDetail(f.getDetail()).build()));
        String title = String.format(Locale.ROOT, "%s %s: %s", report.getModelName(), report.getModelVersion(),
                trigger != null ? "retraining triggered (" + trigger.getRule().replace('_', ' ') + ")"
                        : schemaError ? "schema error" : report.getDatasetDrift()
                        ? "dataset drift (" + report.getDriftedColumns() + " of " + report.getDatasetColumns() + " columns)"
                        : drift ? report.getDriftedColumns() + " drifted column" + (report.getDriftedColumns() == 1 ? "" : "s")
                        + (multivariateDrift ? " and multivariate drift" : "")
                        : "multivariate drift (" + MultivariateDriftRecords.crossed(requireNonNull(multivariate,
                        "multivariate")).describe() + ")");
        return Optional.of(AlertEvent.newBuilder()
                .setAlertId(TriggerIds.of("alert", report.getModelName(), report.getModelVersion(),
                        Long.toString(report.getWindowStart().toEpochMilli())))
                .setModelName(report.getModelName()).setModelVersion(report.getModelVersion())
                .setKind(kind).setSeverity(severity).setTitle(title)
                .setWindowStart(report.getWindowStart()).setWindowEnd(report.getWindowEnd())
                .setReportId(report.getReportId()).setTriggerId(trigger == null ? null : trigger.getTriggerId())
                .setFindings(findings).setComparison(report.getComparison().name()).setPolicyId(report.getPolicyId())
                .setTriggerRule(trigger == null ? null : trigger.getRule() + ": " + trigger.getRuleDescription())
                .setMultivariate(multivariateDrift ? finding(requireNonNull(multivariate, "multivariate")) : null)
                .setRanking(ranking == null || !drift ? null : FeatureRankings.describe(ranking)).build());
    }

    private static MultivariateFinding finding(MultivariateDrift multivariate) {
        return MultivariateFinding.newBuilder().setMethod(multivariate.getMethod())
                .setValue(requireNonNull(multivariate.getValue(), "an alerting window has a value"))
                .setRows(multivariate.getRows()).setSamplingError(multivariate.getSamplingError())
                .setThresholdLower(multivariate.getThresholdLower()).setThresholdUpper(multivariate.getThresholdUpper())
                .setFeatures(multivariate.getFeatures()).build();
    }

    private static AlertFinding finding(ColumnDrift column, Map<String, ColumnProfile> reference,
                                        Map<String, ColumnProfile> current, @Nullable Integer rank) {
        TestResult strongest = column.getTests().stream().max(Comparator.comparingDouble(TriggerDecider::effect))
                .orElseThrow(() -> new IllegalArgumentException("a drifted column has at least one test"));
        return AlertFinding.newBuilder().setFeature(column.getFeature()).setTest(strongest.getTest())
                .setStatistic(strongest.getStatistic()).setThreshold(strongest.getThreshold()).setEffect(TriggerDecider.effect(strongest))
                .setPValue(strongest.getPValue()).setCondition(strongest.getCondition())
                .setDetail(strongest.getCondition()).setSummary(summary(column.getFeature(), reference, current))
                .setRank(rank).build();
    }

    private static io.driftwatch.schemas.record.@Nullable FeatureSummary summary(
            String feature, Map<String, ColumnProfile> reference, Map<String, ColumnProfile> current) {
        ColumnProfile referenceProfile = reference.get(feature);
        ColumnProfile currentProfile = current.get(feature);
        if (referenceProfile == null || currentProfile == null) {
            return null;
        }
        return FeatureSummaries.of(referenceProfile, currentProfile).orElse(null);
    }
}
