package io.driftwatch.topology.trigger;

import io.driftwatch.schemas.record.ComparisonBasis;
import io.driftwatch.schemas.record.Evidence;
import io.driftwatch.schemas.record.QualityDirection;
import io.driftwatch.schemas.record.QualityFinding;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.WindowRef;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Applies the {@link QualityTriggerPolicy} to a quality report (an update or the final one) of a window
 * that has not triggered yet. The trigger carries the same deterministic id scheme as drift triggers
 * (model, version, rule, window start), so it goes to the same topic, in the same transaction, and CI
 * deduplicates both kinds alike; with it comes the finding the alert email shows. Pure: the same report and
 * last-trigger time give the same answer.
 */
public final class QualityTriggerDecider {
    private QualityTriggerDecider() {
    }

    /**
     * @param fired      the rule that fired, when it is to be emitted
     * @param suppressed a rule fired but the cool-down held it back
     */
    public record Decision(Optional<Fired> fired, boolean suppressed) {
        public static final Decision NONE = new Decision(Optional.empty(), false);
    }

    /**
     * A rule that fired, told twice from the same numbers: the trigger CI reads, and the finding a person
     * reads in the alert email (metric, value, the rule's setting, the reference quality when there is one).
     */
    public record Fired(RetrainingTrigger trigger, QualityFinding finding) {
        public Fired {
            requireNonNull(trigger, "trigger");
            requireNonNull(finding, "finding");
        }
    }

    /**
     * @param policy            the quality rules the model version has now
     * @param lastTriggerMillis window end of the version's last quality trigger, {@link Long#MIN_VALUE} for none
     */
    public static Decision decide(QualityTriggerPolicy policy, QualityReport report, long lastTriggerMillis) {
        requireNonNull(policy, "policy");
        String metricName = policy.metric().metricName();
        Double current = report.getMetrics().get(metricName);
        if (!policy.enabled() || current == null || report.getLabelled() < policy.minLabels()) {
            return Decision.NONE;
        }
        Optional<Fired> fired = thresholdTrigger(policy, report, current);
        if (fired.isEmpty()) {
            fired = dropTrigger(policy, report, current);
        }
        if (fired.isEmpty()) {
            return Decision.NONE;
        }
        boolean coolingDown = lastTriggerMillis != Long.MIN_VALUE
                && report.getWindowEnd().toEpochMilli() - lastTriggerMillis < policy.coolDown().toMillis();
        return coolingDown ? new Decision(Optional.empty(), true) : new Decision(fired, false);
    }

    private static Optional<Fired> thresholdTrigger(QualityTriggerPolicy policy, QualityReport report, double current) {
        if (policy.threshold().isEmpty()) {
            return Optional.empty();
        }
        double threshold = policy.threshold().getAsDouble();
        if (!(policy.metric().worseBy(threshold, current) > 0)) {
            return Optional.empty();
        }
        String description = String.format(Locale.ROOT, "%s worse than %.4g with at least %d labels",
                policy.metric().metricName(), threshold, policy.minLabels());
        String detail = String.format(Locale.ROOT, "%s %.4g on %d labels, threshold %.4g",
                policy.metric().metricName(), current, report.getLabelled(), threshold);
        Double baseline = report.getBaselineMetrics().get(policy.metric().metricName());
        QualityFinding finding = finding(policy, report, QualityTriggerPolicy.THRESHOLD_RULE, current, threshold,
                policy.metric().worseBy(threshold, current), baseline, baseline == null ? null : ComparisonBasis.BASELINE);
        return Optional.of(new Fired(trigger(policy, report, QualityTriggerPolicy.THRESHOLD_RULE, description, current, threshold, detail),
                finding));
    }

    private static Optional<Fired> dropTrigger(QualityTriggerPolicy policy, QualityReport report, double current) {
        if (policy.maxDrop().isEmpty()) {
            return Optional.empty();
        }
        String metricName = policy.metric().metricName();
        boolean fromBaseline = report.getBaselineMetrics().containsKey(metricName);
        Map<String, Double> references = fromBaseline ? report.getBaselineMetrics() : report.getPreviousWindowMetrics();
        Double reference = references.get(metricName);
        double maxDrop = policy.maxDrop().getAsDouble();
        if (reference == null || !(policy.metric().worseBy(reference, current) > maxDrop)) {
            return Optional.empty();
        }
        String description = String.format(Locale.ROOT, "%s worse than the %s by more than %.4g with at least %d labels",
                metricName, fromBaseline ? "baseline" : "previous window", maxDrop, policy.minLabels());
        String detail = String.format(Locale.ROOT, "%s %.4g on %d labels against %.4g in the %s",
                metricName, current, report.getLabelled(), reference, fromBaseline ? "baseline" : "previous window");
        QualityFinding finding = finding(policy, report, QualityTriggerPolicy.DROP_RULE, current, maxDrop,
                policy.metric().worseBy(reference, current), reference,
                fromBaseline ? ComparisonBasis.BASELINE : ComparisonBasis.PREVIOUS_WINDOW);
        return Optional.of(new Fired(trigger(policy, report, QualityTriggerPolicy.DROP_RULE, description, current, reference, detail),
                finding));
    }

    private static QualityFinding finding(QualityTriggerPolicy policy, QualityReport report, String rule, double current, double limit, double worseBy,
                                   @Nullable Double reference, @Nullable ComparisonBasis referenceBasis) {
        return QualityFinding.newBuilder().setMetric(policy.metric().metricName())
                .setBetter(QualityDirection.valueOf(policy.metric().better().name())).setValue(current)
                .setLabelled(report.getLabelled()).setRule(rule).setLimit(limit).setWorseBy(worseBy).setReference(reference)
                .setReferenceBasis(referenceBasis == null ? null : referenceBasis.name()).build();
    }

    private static RetrainingTrigger trigger(QualityTriggerPolicy policy, QualityReport report, String rule, String description, double statistic,
                                      double threshold, String detail) {
        String summary = report.getModelName() + " " + report.getModelVersion() + ": " + detail + " (window from "
                + report.getWindowStart() + ")";
        return new FiredWindow(report.getModelName(), report.getModelVersion(), report.getWindowStart(), report.getWindowEnd(),
                report.getPolicyId())
                .trigger(rule, description, List.of(new WindowRef(report.getWindowStart(), report.getWindowEnd(), report.getReportId())),
                        List.of(Evidence.newBuilder().setFeature("__quality__").setTest(policy.metric().metricName())
                                .setStatistic(statistic).setThreshold(threshold).setDetail(detail).build()),
                        summary);
    }
}
