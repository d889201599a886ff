package io.driftwatch.tools.demo;

import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.SkewKind;
import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.topology.trigger.TriggerPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the demo must show for its planted problems, and which of it is still missing: every window reported, a
 * {@code dataset_drift} trigger whose windows start where the drift was planted, a quality trigger for that same
 * window (the model's accuracy falls there), and an alert email about the model that says retraining was triggered.
 * It must show nothing that was not planted in the schema either: no report may call the prediction an
 * unexpected column, which it does when the baseline lacks the prediction's profile.
 */
final class DemoExpectations {
    static final String QUALITY_RULE = "quality_threshold";
    static final String TRIGGERED_MARK = "retraining triggered";

    private final DemoScenario scenario;

    DemoExpectations(DemoScenario scenario) {
        this.scenario = scenario;
    }

    /** @return what is missing, for a person; empty when everything planted was found */
    List<String> missing(DemoObservation observation, List<CaughtEmail> emails) {
        List<String> missing = new ArrayList<>();
        if (observation.driftByWindow().size() < scenario.windows()) {
            missing.add("drift reports for " + scenario.windows() + " windows (got " + observation.driftByWindow().size() + ")");
        }
        if (observation.finalQualityWindows() < scenario.windows()) {
            missing.add("final quality reports for " + scenario.windows() + " windows (got " + observation.finalQualityWindows() + ")");
        }
        if (driftTrigger(observation).isEmpty()) {
            missing.add("a " + TriggerPolicy.DATASET_DRIFT_RULE + " trigger from window " + (scenario.driftFromWindow() + 1)
                    + " (" + driftStart() + ")");
        }
        if (qualityTrigger(observation).isEmpty()) {
            missing.add("a " + QUALITY_RULE + " trigger for window " + (scenario.driftFromWindow() + 1) + " (" + driftStart() + ")");
        }
        long predictionUnexpected = observation.driftByWindow().values().stream().filter(DemoExpectations::predictionUnexpected).count();
        if (predictionUnexpected > 0) {
            missing.add("drift reports without an unexpected_column finding for the prediction (" + FeatureProfiles.PREDICTION
                    + "), which " + predictionUnexpected + " of them have: is the prediction's profile missing from the baseline?");
        }
        if (triggerEmail(emails).isEmpty()) {
            missing.add("an alert email about " + CreditTraffic.MODEL + " " + CreditTraffic.VERSION + " saying " + TRIGGERED_MARK);
        }
        return missing;
    }

    private static boolean predictionUnexpected(DriftReport report) {
        return report.getSchemaFindings().stream().anyMatch(finding -> finding.getKind() == SkewKind.UNEXPECTED_COLUMN
                && finding.getFeature().equals(FeatureProfiles.PREDICTION));
    }

    Instant driftStart() {
        return scenario.windowStart(scenario.driftFromWindow());
    }

    Optional<RetrainingTrigger> driftTrigger(DemoObservation observation) {
        return observation.triggers().stream().filter(t -> t.getRule().equals(TriggerPolicy.DATASET_DRIFT_RULE))
                .filter(t -> !t.getWindows().isEmpty() && t.getWindows().get(0).getStart().equals(driftStart())).findFirst();
    }

    Optional<RetrainingTrigger> qualityTrigger(DemoObservation observation) {
        return observation.triggers().stream().filter(t -> t.getRule().equals(QUALITY_RULE))
                .filter(t -> !t.getWindows().isEmpty() && t.getWindows().get(0).getStart().equals(driftStart())).findFirst();
    }

    static Optional<CaughtEmail> triggerEmail(List<CaughtEmail> emails) {
        String model = CreditTraffic.MODEL + " " + CreditTraffic.VERSION;
        return emails.stream().filter(e -> e.subject().contains(model) && e.subject().contains(TRIGGERED_MARK)).findFirst();
    }

    /** Every window's quality report is final and every prediction joined: the closing records may go. */
    boolean trafficJoined(DemoObservation observation) {
        return observation.qualityByWindow().values().stream()
                .filter(q -> q.getPredictions() == scenario.perWindow() && q.getLabelled() == scenario.perWindow())
                .map(QualityReport::getWindowStart).distinct().count() >= scenario.windows();
    }
}
