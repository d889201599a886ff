package io.driftwatch.topology.trigger;

import io.driftwatch.schemas.record.EstimateFinding;
import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.EstimatedPerformance;
import io.driftwatch.schemas.record.Evidence;
import io.driftwatch.schemas.record.QualityDirection;
import io.driftwatch.schemas.record.QualityFinding;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.WindowRef;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Applies the {@link EstimatedTriggerPolicy} to the quality report that completes a window's estimate (its grace
 * passed), before its labels have come. The estimate fires below {@code worse_than}, or below the lower threshold
 * of the reference's chunks, only where its error bound cannot reach back above the limit; the trigger takes the
 * quality triggers' id scheme, topic and transaction, and the finding the email shows carries the estimate's band.
 * Pure: the same report and last-trigger time give the same answer.
 */
public final class EstimatedTriggerDecider {
    private EstimatedTriggerDecider() {
    }

    /**
     * @param policy            the estimated-quality rule the model version has now
     * @param lastTriggerMillis window end of the version's last quality trigger, {@link Long#MIN_VALUE} for none
     */
    public static QualityTriggerDecider.Decision decide(EstimatedTriggerPolicy policy, QualityReport report,
                                                        long lastTriggerMillis) {
        requireNonNull(policy, "policy");
        EstimatedPerformance estimated = report.getEstimated();
        if (!policy.enabled() || estimated == null || !estimated.getComplete()
                || estimated.getPredictions() < policy.minPredictions()) {
            return QualityTriggerDecider.Decision.NONE;
        }
        Optional<EstimatedMetricReport> watched = estimated.getMetrics().stream()
                .filter(metric -> metric.getMetric().equals(policy.metric().metricName())).findFirst();
        if (watched.isEmpty()) {
            return QualityTriggerDecider.Decision.NONE;
        }
        EstimatedMetricReport estimate = watched.get();
        double highestPossible = estimate.getValue() + estimate.getErrorBound();
        Optional<QualityTriggerDecider.Fired> fired = Optional.empty();
        if (policy.worseThan().isPresent() && highestPossible < policy.worseThan().getAsDouble()) {
            fired = Optional.of(fired(policy, report, estimated, estimate, policy.worseThan().getAsDouble(),
                    String.format(Locale.ROOT, "below %.4g", policy.worseThan().getAsDouble())));
        } else if (policy.onAlert() && estimate.getThresholdLower() != null
                && highestPossible < estimate.getThresholdLower()) {
            fired = Optional.of(fired(policy, report, estimated, estimate, estimate.getThresholdLower(),
                    String.format(Locale.ROOT, "below its reference threshold %.4g", estimate.getThresholdLower())));
        }
        if (fired.isEmpty()) {
            return QualityTriggerDecider.Decision.NONE;
        }
        boolean coolingDown = lastTriggerMillis != Long.MIN_VALUE
                && report.getWindowEnd().toEpochMilli() - lastTriggerMillis < policy.coolDown().toMillis();
        return coolingDown ? new QualityTriggerDecider.Decision(Optional.empty(), true)
                : new QualityTriggerDecider.Decision(fired, false);
    }

    private static QualityTriggerDecider.Fired fired(EstimatedTriggerPolicy policy, QualityReport report,
                                                     EstimatedPerformance estimated, EstimatedMetricReport estimate,
                                                     double limit, String below) {
        String metric = policy.metric().metricName();
        String description = String.format(Locale.ROOT, "estimated %s %s%s with at least %d predictions", metric,
                policy.worseThan().isPresent() ? "worse than " + String.format(Locale.ROOT, "%.4g",
                        policy.worseThan().getAsDouble()) : "below the reference's lower threshold",
                policy.worseThan().isPresent() && policy.onAlert() ? " or the reference's lower threshold" : "",
                policy.minPredictions());
        String detail = String.format(Locale.ROOT, "estimated %s %.4g (%.4g to %.4g) on %d predictions, %s, %d labels yet",
                metric, estimate.getValue(), estimate.getLower(), estimate.getUpper(), estimated.getPredictions(), below,
                report.getLabelled());
        QualityFinding finding = QualityFinding.newBuilder().setMetric(metric).setBetter(QualityDirection.HIGHER)
                .setValue(estimate.getValue()).setLabelled(report.getLabelled()).setRule(EstimatedTriggerPolicy.RULE)
                .setLimit(limit).setWorseBy(limit - estimate.getValue()).setReference(null).setReferenceBasis(null)
                .setEstimate(EstimateFinding.newBuilder().setPredictions(estimated.getPredictions())
                        .setSamplingError(estimate.getSamplingError()).setLower(estimate.getLower())
                        .setUpper(estimate.getUpper()).setThresholdLower(estimate.getThresholdLower())
                        .setThresholdUpper(estimate.getThresholdUpper()).setErrorBound(estimate.getErrorBound())
                        .setBaselineId(estimated.getBaselineId()).build())
                .build();
        String summary = report.getModelName() + " " + report.getModelVersion() + ": " + detail + " (window from "
                + report.getWindowStart() + ")";
        RetrainingTrigger trigger = new FiredWindow(report.getModelName(), report.getModelVersion(), report.getWindowStart(),
                report.getWindowEnd(), report.getPolicyId())
                .trigger(EstimatedTriggerPolicy.RULE, description,
                        List.of(new WindowRef(report.getWindowStart(), report.getWindowEnd(), report.getReportId())),
                        List.of(Evidence.newBuilder().setFeature("__estimated__").setTest(metric)
                                .setStatistic(estimate.getValue()).setThreshold(limit).setDetail(detail).build()),
                        summary);
        return new QualityTriggerDecider.Fired(trigger, finding);
    }
}
