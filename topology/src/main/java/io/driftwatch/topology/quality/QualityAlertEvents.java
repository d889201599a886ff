package io.driftwatch.topology.quality;

import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertKind;
import io.driftwatch.schemas.record.AlertSeverity;
import io.driftwatch.schemas.record.ComparisonBasis;
import io.driftwatch.schemas.record.QualityFinding;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.topology.trigger.EstimatedTriggerPolicy;
import io.driftwatch.topology.trigger.QualityTriggerDecider;
import io.driftwatch.topology.trigger.QualityTriggerPolicy;
import io.driftwatch.topology.trigger.TriggerIds;

import java.util.List;

/**
 * The alert a person gets when a quality rule fires on a window: critical, since retraining was triggered,
 * and carrying the finding that names the metric, its value, the rule and the reference quality, which the
 * trigger's evidence alone does not tell a reader. Its id derives from model, version and window, apart from
 * the drift alert of the same window, so the alerts process mails each once and a replay repeats neither.
 */
final class QualityAlertEvents {
    private QualityAlertEvents() {
    }

    static AlertEvent of(QualityReport report, QualityTriggerDecider.Fired fired) {
        QualityFinding finding = fired.finding();
        String what = EstimatedTriggerPolicy.RULE.equals(finding.getRule()) ? "estimated quality fell, before its labels"
                : QualityTriggerPolicy.THRESHOLD_RULE.equals(finding.getRule()) ? "quality below its threshold"
                : "quality dropped against the " + (ComparisonBasis.PREVIOUS_WINDOW.name().equals(finding.getReferenceBasis())
                ? "previous window" : "baseline");
        String title = report.getModelName() + " " + report.getModelVersion() + ": " + what + " (" + finding.getMetric()
                + "); retraining triggered";
        return AlertEvent.newBuilder()
                .setAlertId(TriggerIds.of("quality-alert", report.getModelName(), report.getModelVersion(),
                        Long.toString(report.getWindowStart().toEpochMilli())))
                .setModelName(report.getModelName()).setModelVersion(report.getModelVersion())
                .setKind(AlertKind.QUALITY).setSeverity(AlertSeverity.CRITICAL).setTitle(title)
                .setWindowStart(report.getWindowStart()).setWindowEnd(report.getWindowEnd())
                .setReportId(report.getReportId()).setTriggerId(fired.trigger().getTriggerId())
                .setFindings(List.of()).setQuality(finding).setPolicyId(report.getPolicyId())
                .setTriggerRule(fired.trigger().getRule() + ": " + fired.trigger().getRuleDescription()).build();
    }
}
