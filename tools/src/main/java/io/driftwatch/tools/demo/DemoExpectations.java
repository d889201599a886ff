package io.driftwatch.tools.demo;

import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.SkewKind;
import io.driftwatch.schemas.record.TestResult;
import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.topology.trigger.TriggerPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the demo must show for its planted problems, and which of it is still missing. For each model: every window
 * reported, each report and trigger naming the id of the model's policy, a {@code dataset_drift} trigger whose windows
 * start where the drift was planted and number what the model's own rule asks for, and an alert email about the model
 * that says retraining was triggered, sent to its policy's recipients and nobody else. For the credit model also: its
 * accuracy estimated to fall at the drift window before its labels came, as {@link EstimatedFall} checks, its id column
 * never tested, {@value #OVERRIDDEN_COLUMN} decided by the policy's {@value #OVERRIDING_TEST} alone, and the policy's
 * expectation on {@value #EXPECTED_COLUMN} broken once the unseen region arrives. Nothing that was not planted in the schema either: no report may call the prediction
 * an unexpected column, which it does when the baseline lacks the prediction's profile.
 */
final class DemoExpectations {
    static final String TRIGGERED_MARK = "retraining triggered";
    static final String OVERRIDDEN_COLUMN = "income";
    static final String OVERRIDING_TEST = "wasserstein";
    static final String EXPECTED_COLUMN = "region";

    private final DemoScenario scenario;
    private final Map<String, DemoPolicies.Published> policies;

    DemoExpectations(DemoScenario scenario, Map<String, DemoPolicies.Published> policies) {
        this.scenario = requireNonNull(scenario, "scenario");
        this.policies = Map.copyOf(policies);
    }

    /** @return what is missing, for a person; empty when everything planted was found */
    List<String> missing(DemoObservations observations, List<CaughtEmail> emails) {
        List<String> missing = new ArrayList<>();
        for (String model : List.of(CreditTraffic.MODEL, FraudTraffic.MODEL)) {
            DemoPolicies.Published policy = policy(model);
            DemoObservation observation = observations.of(model);
            missing.addAll(everyModel(policy, observation, emails).stream().map(line -> model + ": " + line).toList());
        }
        missing.addAll(credit(observations.of(CreditTraffic.MODEL), emails).stream().map(line -> CreditTraffic.MODEL + ": " + line).toList());
        return missing;
    }

    private List<String> everyModel(DemoPolicies.Published policy, DemoObservation observation, List<CaughtEmail> emails) {
        List<String> missing = new ArrayList<>();
        int windows = policy.windows(scenario);
        if (observation.driftByWindow().size() < windows) {
            missing.add("drift reports for " + windows + " windows of " + policy.window().toMinutes() + " min, as its policy cuts"
                    + " them (got " + observation.driftByWindow().size() + ")");
        }
        long otherPolicy = observation.driftByWindow().values().stream().filter(r -> !policy.policyId().equals(r.getPolicyId())).count()
                + observation.triggers().stream().filter(t -> !policy.policyId().equals(t.getPolicyId())).count();
        if (otherPolicy > 0) {
            missing.add("reports and triggers judged under policy " + policy.policyId() + " (" + policy.file().getFileName() + "); "
                    + otherPolicy + " name another");
        }
        if (driftTrigger(policy.model(), observation).isEmpty()) {
            missing.add("a " + TriggerPolicy.DATASET_DRIFT_RULE + " trigger for " + windowRange(policy)
                    + " (from " + driftStart() + "), as its policy's rule asks");
        }
        if (triggerEmail(policy.model() + " " + policy.version(), emails).isEmpty()) {
            missing.add("an alert email about " + policy.model() + " " + policy.version() + " saying " + TRIGGERED_MARK);
        }
        List<String> misrouted = emails.stream().filter(e -> about(policy.model() + " " + policy.version(), e))
                .filter(e -> !e.recipients().equals(policy.recipients())).map(e -> String.join(", ", e.recipients())).distinct().toList();
        if (!misrouted.isEmpty()) {
            missing.add("its emails sent to " + String.join(", ", policy.recipients()) + " only (some went to " + String.join("; ", misrouted) + ")");
        }
        return missing;
    }

    private List<String> credit(DemoObservation observation, List<CaughtEmail> emails) {
        List<String> missing = new ArrayList<>();
        if (observation.finalQualityWindows() < scenario.windows()) {
            missing.add("final quality reports for " + scenario.windows() + " windows (got " + observation.finalQualityWindows() + ")");
        }
        DemoPolicies.Published policy = policy(CreditTraffic.MODEL);
        EstimatedFall fall = new EstimatedFall(scenario, driftWindow(policy), policy.qualityThreshold().orElseThrow());
        missing.addAll(fall.missing(observation, emails));
        long predictionUnexpected = observation.driftByWindow().values().stream().filter(DemoExpectations::predictionUnexpected).count();
        if (predictionUnexpected > 0) {
            missing.add("drift reports without an unexpected_column finding for the prediction (" + FeatureProfiles.PREDICTION
                    + "), which " + predictionUnexpected + " of them have: is the prediction's profile missing from the baseline?");
        }
        long idColumnSeen = observation.driftByWindow().values().stream().filter(DemoExpectations::namesIdColumn).count();
        if (idColumnSeen > 0) {
            missing.add(CreditTraffic.ID_COLUMN + " excluded as its policy says, but " + idColumnSeen + " reports test it or report a finding on it");
        }
        List<String> otherTests = observation.driftByWindow().values().stream().map(DemoExpectations::overriddenColumnTests)
                .flatMap(Optional::stream).filter(tests -> !tests.equals(List.of(OVERRIDING_TEST))).map(tests -> String.join("+", tests))
                .distinct().toList();
        if (!otherTests.isEmpty()) {
            missing.add(OVERRIDDEN_COLUMN + " decided by " + OVERRIDING_TEST + " alone, as its policy says (some windows by "
                    + String.join(", ", otherTests) + ")");
        }
        if (brokenExpectation(observation).isEmpty()) {
            missing.add("an " + SkewKind.UNEXPECTED_VALUE + " finding on " + EXPECTED_COLUMN + " from window " + (scenario.driftFromWindow() + 1)
                    + ", where the region " + CreditTraffic.ONLINE_REGION + " its policy does not allow arrives");
        }
        return missing;
    }

    private DemoPolicies.Published policy(String model) {
        return requireNonNull(policies.get(model), () -> "no policy was published for " + model);
    }

    /** The model's windows, numbered from 1 in its own size, that its drift trigger should name. */
    private String windowRange(DemoPolicies.Published policy) {
        int windows = policy.driftWindows();
        int first = driftWindow(policy) + 1;
        return windows == 1 ? "window " + first : "windows " + first + "-" + (first + windows - 1);
    }

    /** The index (from 0) of the model's first window with the planted drift. */
    int driftWindow(DemoPolicies.Published policy) {
        long sinceStart = Duration.between(scenario.start(), driftStart()).toMillis();
        if (sinceStart % policy.window().toMillis() != 0) {
            throw new IllegalStateException("the planted drift starts " + Duration.ofMillis(sinceStart) + " into the traffic,"
                    + " not at a boundary of " + policy.model() + "'s " + policy.window() + " windows: one window would mix both");
        }
        return (int) (sinceStart / policy.window().toMillis());
    }

    private static boolean predictionUnexpected(DriftReport report) {
        return report.getSchemaFindings().stream().anyMatch(finding -> finding.getKind() == SkewKind.UNEXPECTED_COLUMN
                && finding.getFeature().equals(FeatureProfiles.PREDICTION));
    }

    private static boolean namesIdColumn(DriftReport report) {
        return report.getColumns().stream().anyMatch(c -> c.getFeature().equals(CreditTraffic.ID_COLUMN))
                || report.getSchemaFindings().stream().anyMatch(f -> f.getFeature().equals(CreditTraffic.ID_COLUMN));
    }

    private static Optional<List<String>> overriddenColumnTests(DriftReport report) {
        return report.getColumns().stream().filter(c -> c.getFeature().equals(OVERRIDDEN_COLUMN)).findFirst()
                .map(ColumnDrift::getTests).map(tests -> tests.stream().map(TestResult::getTest).toList());
    }

    /** The first finding of the credit policy's expectation on region, in the drifted windows. */
    Optional<SkewFinding> brokenExpectation(DemoObservation observation) {
        return observation.driftByWindow().values().stream().filter(r -> !r.getWindowStart().isBefore(driftStart()))
                .flatMap(r -> r.getSchemaFindings().stream())
                .filter(f -> f.getKind() == SkewKind.UNEXPECTED_VALUE && f.getFeature().equals(EXPECTED_COLUMN)).findFirst();
    }

    Instant driftStart() {
        return scenario.windowStart(scenario.driftFromWindow());
    }

    /** The model's dataset drift trigger: from the drift window, over as many windows as its policy's rule counts. */
    Optional<RetrainingTrigger> driftTrigger(String model, DemoObservation observation) {
        int windows = policy(model).driftWindows();
        return observation.triggers().stream().filter(t -> t.getRule().equals(TriggerPolicy.DATASET_DRIFT_RULE))
                .filter(t -> t.getWindows().size() == windows && t.getWindows().get(0).getStart().equals(driftStart())).findFirst();
    }


    /** The first email about {@code modelVersion} ("credit v1") saying retraining was triggered. */
    static Optional<CaughtEmail> triggerEmail(String modelVersion, List<CaughtEmail> emails) {
        return emails.stream().filter(e -> about(modelVersion, e) && e.subject().contains(TRIGGERED_MARK)).findFirst();
    }

    /** Whether the email is about {@code modelVersion}: its subject names the model and version before the colon. */
    static boolean about(String modelVersion, CaughtEmail email) {
        return email.subject().contains("] " + modelVersion + ":");
    }

    /** Every window's credit quality report is final and every prediction joined: the closing records may go. */
    boolean trafficJoined(DemoObservations observations) {
        return observations.of(CreditTraffic.MODEL).qualityByWindow().values().stream()
                .filter(q -> q.getPredictions() == scenario.perWindow() && q.getLabelled() == scenario.perWindow())
                .map(QualityReport::getWindowStart).filter(Objects::nonNull).distinct().count() >= scenario.windows();
    }
}
