package io.driftwatch.tools.demo;

import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.stats.quality.QualityMetric;
import io.driftwatch.topology.trigger.EstimatedTriggerPolicy;
import io.driftwatch.topology.trigger.QualityTriggerPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What the demo must show of the credit model's accuracy falling at the drift window before its labels come: an
 * {@value #RULE} trigger for that window, judged on the quality report that completed its estimate while some of its
 * labels were still to come, the window's only quality trigger (the rules share one per window), the window's final
 * accuracy below the policy's quality threshold (the labels confirm the estimate), and an email about the model headed
 * by the estimate's fall. Every check reads the reports, triggers and emails read back from the demo's outputs.
 */
final class EstimatedFall {
    static final String RULE = EstimatedTriggerPolicy.RULE;
    /** What the email's headline says of the estimated-quality alert: the metric fell before the labels came. */
    static final String HEADLINE = "estimated quality fell, before its labels (" + QualityMetric.ACCURACY.metricName() + ")";
    private static final Set<String> QUALITY_RULES = Set.of(RULE, QualityTriggerPolicy.THRESHOLD_RULE, QualityTriggerPolicy.DROP_RULE);

    private final Instant driftStart;
    private final String window;
    private final double accuracyThreshold;

    /**
     * @param driftWindow       the index (from 0) of the credit model's drift window
     * @param accuracyThreshold the accuracy the credit policy's quality rule triggers below
     */
    EstimatedFall(DemoScenario scenario, int driftWindow, double accuracyThreshold) {
        requireNonNull(scenario, "scenario");
        this.driftStart = scenario.windowStart(driftWindow);
        this.window = "window " + (driftWindow + 1) + " (" + driftStart + ")";
        this.accuracyThreshold = accuracyThreshold;
    }

    /** @return what is missing, for a person; empty when the fall was found as planted */
    List<String> missing(DemoObservation credit, List<CaughtEmail> emails) {
        List<String> missing = new ArrayList<>();
        if (trigger(credit).isEmpty()) {
            missing.add("an " + RULE + " trigger for " + window + ", on its estimated accuracy");
        }
        QualityReport judged = credit.estimateCompletedByWindow().get(driftStart);
        if (judged == null || judged.getLabelled() >= judged.getPredictions()) {
            missing.add("the estimate of " + window + " judged before all its labels were in (" + (judged == null
                    ? "no report completed it" : "its report had " + judged.getLabelled() + " of " + judged.getPredictions()) + ")");
        }
        List<String> qualityRules = qualityTriggers(credit).stream().map(RetrainingTrigger::getRule).toList();
        if (qualityRules.size() > 1) {
            missing.add("one quality trigger for " + window + ", as the rules share it (got " + String.join(", ", qualityRules) + ")");
        }
        OptionalDouble realized = realizedAccuracy(credit);
        if (realized.isEmpty() || realized.getAsDouble() >= accuracyThreshold) {
            missing.add("the final accuracy of " + window + " below the policy's " + accuracyThreshold + ", confirming the estimate"
                    + " (got " + (realized.isEmpty() ? "none" : String.format(Locale.ROOT, "%.2f", realized.getAsDouble())) + ")");
        }
        String modelVersion = CreditTraffic.MODEL + " " + CreditTraffic.VERSION;
        if (emails.stream().noneMatch(e -> DemoExpectations.about(modelVersion, e) && e.htmlText().contains(HEADLINE))) {
            missing.add("an alert email about " + modelVersion + " headed \"" + HEADLINE + "\"");
        }
        return missing;
    }

    /** The drift window's accuracy on all its labels; empty until its quality report is final. */
    OptionalDouble realizedAccuracy(DemoObservation credit) {
        QualityReport report = credit.qualityByWindow().get(driftStart);
        Double accuracy = report == null || !report.getIsFinal() ? null : report.getMetrics().get(QualityMetric.ACCURACY.metricName());
        return accuracy == null ? OptionalDouble.empty() : OptionalDouble.of(accuracy);
    }

    private Optional<RetrainingTrigger> trigger(DemoObservation credit) {
        return qualityTriggers(credit).stream().filter(t -> t.getRule().equals(RULE)).findFirst();
    }

    /** The drift window's triggers of any quality rule, estimated or realized. */
    private List<RetrainingTrigger> qualityTriggers(DemoObservation credit) {
        return credit.triggers().stream().filter(t -> QUALITY_RULES.contains(t.getRule()))
                .filter(t -> !t.getWindows().isEmpty() && t.getWindows().get(0).getStart().equals(driftStart)).toList();
    }
}
