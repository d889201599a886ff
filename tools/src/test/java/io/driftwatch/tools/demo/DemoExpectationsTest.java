package io.driftwatch.tools.demo;

import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.schemas.record.ComparisonBasis;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.ModelTask;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.SkewKind;
import io.driftwatch.schemas.record.SkewSeverity;
import io.driftwatch.schemas.record.TestMethod;
import io.driftwatch.schemas.record.TestResult;
import io.driftwatch.schemas.record.WindowRef;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class DemoExpectationsTest {
    private static final DemoScenario SCENARIO = new DemoScenario(Instant.parse("2026-11-21T07:00:00Z"), Duration.ofMinutes(10),
            6, 4, 150, Duration.ofMinutes(20), 7L);
    private static final DemoPolicies.Published CREDIT = new DemoPolicies.Published("credit", "v1", Path.of("credit-policy.yaml"),
            "c0ffee000001", Duration.ofMinutes(10), 2, OptionalDouble.of(0.75), List.of("credit-ml@example.com"));
    private static final DemoPolicies.Published FRAUD = new DemoPolicies.Published("fraud", "v1", Path.of("fraud-policy.yaml"),
            "f00d00000002", Duration.ofMinutes(20), 1, OptionalDouble.empty(), List.of("fraud-team@example.com"));
    private static final DemoExpectations EXPECTATIONS = new DemoExpectations(SCENARIO, Map.of("credit", CREDIT, "fraud", FRAUD));

    @Test
    void namesEveryMissingOutputOfEachModelWhenDriftwatchProducedNothing() {
        List<String> missing = EXPECTATIONS.missing(new DemoObservations(Map.of()), List.of());

        assertThat(missing).containsExactly(
                "credit: drift reports for 6 windows of 10 min, as its policy cuts them (got 0)",
                "credit: a dataset_drift trigger for windows 5-6 (from 2026-11-21T07:40:00Z), as its policy's rule asks",
                "credit: an alert email about credit v1 saying retraining triggered",
                "fraud: drift reports for 3 windows of 20 min, as its policy cuts them (got 0)",
                "fraud: a dataset_drift trigger for window 3 (from 2026-11-21T07:40:00Z), as its policy's rule asks",
                "fraud: an alert email about fraud v1 saying retraining triggered",
                "credit: final quality reports for 6 windows (got 0)",
                "credit: an estimated_quality trigger for window 5 (2026-11-21T07:40:00Z), on its estimated accuracy",
                "credit: the estimate of window 5 (2026-11-21T07:40:00Z) judged before all its labels were in (no report completed it)",
                "credit: the final accuracy of window 5 (2026-11-21T07:40:00Z) below the policy's 0.75, confirming the estimate (got none)",
                "credit: an alert email about credit v1 headed \"estimated quality fell, before its labels (accuracy)\"",
                "credit: an UNEXPECTED_VALUE finding on region from window 5, where the region online its policy does not allow arrives");
    }

    @Test
    void reportsCallingThePredictionAnUnexpectedColumnAreNamedAsAFalseFinding() {
        SkewFinding predictionUnexpected = finding("__prediction__", SkewKind.UNEXPECTED_COLUMN);
        DemoObservations observations = credit(Map.of(
                SCENARIO.windowStart(0), report(0, CREDIT.policyId(), List.of(), List.of(predictionUnexpected)),
                SCENARIO.windowStart(1), report(1, CREDIT.policyId(), List.of(), List.of(finding("region", SkewKind.UNSEEN_CATEGORY))),
                SCENARIO.windowStart(2), report(2, CREDIT.policyId(), List.of(), List.of(predictionUnexpected))));

        assertThat(EXPECTATIONS.missing(observations, List.of())).contains("credit: drift reports without an unexpected_column finding"
                + " for the prediction (__prediction__), which 2 of them have: is the prediction's profile missing from the baseline?");
    }

    @Test
    void aReportJudgedUnderAnotherPolicyThanTheModelsIsCounted() {
        DemoObservations observations = credit(Map.of(SCENARIO.windowStart(0), report(0, CREDIT.policyId(), List.of(), List.of()),
                SCENARIO.windowStart(1), report(1, "settings0000", List.of(), List.of())));

        assertThat(EXPECTATIONS.missing(observations, List.of()))
                .contains("credit: reports and triggers judged under policy c0ffee000001 (credit-policy.yaml); 1 name another");
    }

    @Test
    void theExcludedIdColumnTestedOrIncomeDecidedByAnotherTestIsNamed() {
        DemoObservations observations = credit(Map.of(SCENARIO.windowStart(0), report(0, CREDIT.policyId(),
                List.of(column("application_id", "chi_square"), column("income", "ks")), List.of())));

        assertThat(EXPECTATIONS.missing(observations, List.of())).contains(
                "credit: application_id excluded as its policy says, but 1 reports test it or report a finding on it",
                "credit: income decided by wasserstein alone, as its policy says (some windows by ks)");
    }

    @Test
    void theBrokenRegionExpectationCountsOnlyFromTheDriftWindow() {
        SkewFinding online = finding("region", SkewKind.UNEXPECTED_VALUE);
        DemoExpectations expectations = EXPECTATIONS;

        assertThat(expectations.brokenExpectation(credit(Map.of(SCENARIO.windowStart(3),
                report(3, CREDIT.policyId(), List.of(), List.of(online)))).of("credit"))).isEmpty();
        assertThat(expectations.brokenExpectation(credit(Map.of(SCENARIO.windowStart(4),
                report(4, CREDIT.policyId(), List.of(), List.of(online)))).of("credit"))).contains(online);
    }

    @Test
    void aDriftTriggerCountsOnlyWhenItSpansTheWindowsTheModelsOwnRuleAsksFor() {
        RetrainingTrigger twoWindows = trigger("fraud", 4, 5);
        RetrainingTrigger oneWindow = trigger("fraud", 4);
        DemoObservation fraud = new DemoObservation(Map.of(), Map.of(), Map.of(), List.of(twoWindows));

        assertThat(EXPECTATIONS.driftTrigger("fraud", fraud)).isEmpty();
        assertThat(EXPECTATIONS.driftTrigger("fraud", new DemoObservation(Map.of(), Map.of(), Map.of(), List.of(twoWindows, oneWindow))))
                .contains(oneWindow);
        assertThat(EXPECTATIONS.driftTrigger("credit", new DemoObservation(Map.of(), Map.of(), Map.of(), List.of(trigger("credit", 4, 5)))))
                .isPresent();
    }

    @Test
    void theEstimatedFallCountsWhenJudgedBeforeItsLabelsAloneAndConfirmedByThem() {
        DemoObservations observations = creditQuality(quality(false, 37, 0.6), quality(true, 150, 0.51),
                qualityTrigger("estimated_quality"));
        List<CaughtEmail> emails = List.of(new CaughtEmail("[driftwatch CRITICAL] credit v1: accuracy 0.58, below the rule's 0.84"
                + " (estimated_quality); retraining triggered", List.of("credit-ml@example.com"), Path.of("a.eml"), Path.of("a.html"),
                "<div>credit v1: estimated quality fell, before its labels (accuracy); retraining triggered</div>"));

        assertThat(EXPECTATIONS.missing(observations, emails))
                .noneMatch(line -> line.contains("window 5 (") || line.contains("estimated quality fell"));
    }

    @Test
    void anEstimateJudgedWithEveryLabelInASecondQualityTriggerOrAnUnconfirmedFallIsNamed() {
        DemoObservations observations = creditQuality(quality(false, 150, 0.6), quality(true, 150, 0.8),
                qualityTrigger("estimated_quality"), qualityTrigger("quality_threshold"));

        assertThat(EXPECTATIONS.missing(observations, List.of())).contains(
                "credit: the estimate of window 5 (2026-11-21T07:40:00Z) judged before all its labels were in (its report had 150 of 150)",
                "credit: one quality trigger for window 5 (2026-11-21T07:40:00Z), as the rules share it (got estimated_quality,"
                        + " quality_threshold)",
                "credit: the final accuracy of window 5 (2026-11-21T07:40:00Z) below the policy's 0.75, confirming the estimate (got 0.80)")
                .noneMatch(line -> line.contains("an estimated_quality trigger"));
    }

    @Test
    void aRealizedAccuracyNotYetFinalConfirmsNothing() {
        DemoObservations observations = creditQuality(quality(false, 37, 0.6), quality(false, 120, 0.5),
                qualityTrigger("estimated_quality"));

        assertThat(EXPECTATIONS.missing(observations, List.of())).contains("credit: the final accuracy of window 5"
                + " (2026-11-21T07:40:00Z) below the policy's 0.75, confirming the estimate (got none)");
        assertThat(new EstimatedFall(SCENARIO, 4, 0.75).realizedAccuracy(creditQuality(quality(false, 37, 0.6), quality(true, 150, 0.5))
                .of("credit"))).hasValue(0.5);
    }

    @Test
    void anEmailAboutAnotherModelOrWithoutATriggerDoesNotCount() {
        List<CaughtEmail> emails = List.of(
                email("[driftwatch CRITICAL] fraud v3: age drifted; retraining triggered", "fraud-team@example.com"),
                email("[driftwatch WARNING] credit v1: age drifted", "credit-ml@example.com"));

        assertThat(DemoExpectations.triggerEmail("credit v1", emails)).isEmpty();
    }

    @Test
    void anEmailAboutAModelSentToAnotherTeamIsNamed() {
        List<CaughtEmail> emails = List.of(
                email("[driftwatch CRITICAL] credit v1: income drifted; retraining triggered", "credit-ml@example.com"),
                email("[driftwatch WARNING] fraud v1: amount drifted; retraining triggered", "oncall@example.test"));

        List<String> missing = EXPECTATIONS.missing(new DemoObservations(Map.of()), emails);

        assertThat(missing).contains("fraud: its emails sent to fraud-team@example.com only (some went to oncall@example.test)")
                .noneMatch(line -> line.startsWith("credit: its emails"))
                .noneMatch(line -> line.endsWith("saying retraining triggered"));
    }

    private static DemoObservations credit(Map<Instant, DriftReport> reports) {
        return new DemoObservations(Map.of("credit", new DemoObservation(reports, Map.of(), Map.of(), List.of())));
    }

    private static CaughtEmail email(String subject, String recipient) {
        return new CaughtEmail(subject, List.of(recipient), Path.of("a.eml"), Path.of("a.html"), "<p>body</p>");
    }

    private static DemoObservations creditQuality(QualityReport judged, QualityReport last, RetrainingTrigger... triggers) {
        Instant drift = SCENARIO.windowStart(4);
        return new DemoObservations(Map.of("credit", new DemoObservation(Map.of(), Map.of(drift, last), Map.of(drift, judged),
                List.of(triggers))));
    }

    private static QualityReport quality(boolean isFinal, long labelled, double accuracy) {
        return QualityReport.newBuilder().setReportId("quality-" + labelled).setModelName("credit").setModelVersion("v1")
                .setWindowStart(SCENARIO.windowStart(4)).setWindowEnd(SCENARIO.windowStart(5)).setIsFinal(isFinal)
                .setTask(ModelTask.CLASSIFICATION).setPredictions(150).setLabelled(labelled).setLabelCoverage(labelled / 150.0)
                .setMetrics(Map.of("accuracy", accuracy)).build();
    }

    private static RetrainingTrigger qualityTrigger(String rule) {
        return RetrainingTrigger.newBuilder(trigger("credit", 4)).setTriggerId(rule).setRule(rule).build();
    }

    private static SkewFinding finding(String feature, SkewKind kind) {
        return SkewFinding.newBuilder().setFeature(feature).setKind(kind).setSeverity(SkewSeverity.WARNING)
                .setDetail("a finding").build();
    }

    private static ColumnDrift column(String feature, String test) {
        TestResult result = TestResult.newBuilder().setTest(test).setStatistic(0.3).setPValue(null).setMethod(TestMethod.SKETCH)
                .setThreshold(0.1).setCondition("statistic >= 0.1").setVerdict(DriftVerdict.DRIFT).setBound(null).build();
        return ColumnDrift.newBuilder().setFeature(feature).setColumnType(ColumnKind.NUMERIC).setReferenceCount(1000)
                .setCurrentCount(150).setReferenceMissing(0).setCurrentMissing(0).setVerdict(DriftVerdict.DRIFT)
                .setTests(List.of(result)).build();
    }

    private static RetrainingTrigger trigger(String model, int... windows) {
        List<WindowRef> refs = Arrays.stream(windows).mapToObj(w -> new WindowRef(SCENARIO.windowStart(w),
                SCENARIO.windowStart(w + 1), null)).toList();
        return RetrainingTrigger.newBuilder().setTriggerId(model + "-" + windows.length).setModelName(model).setModelVersion("v1")
                .setRule("dataset_drift").setRuleDescription("dataset drift").setFiredAt(SCENARIO.windowStart(5)).setWindows(refs)
                .setEvidence(List.of()).setSummary("drift").setSummarySlug("drift").setPolicyId(null).build();
    }

    private static DriftReport report(int window, String policyId, List<ColumnDrift> columns, List<SkewFinding> findings) {
        return DriftReport.newBuilder().setReportId("report-" + window).setModelName("credit").setModelVersion("v1")
                .setWindowStart(SCENARIO.windowStart(window)).setWindowEnd(SCENARIO.windowStart(window + 1))
                .setComparison(ComparisonBasis.BASELINE).setBaselineId("b1").setRecords(150).setVerdictWithheld(null)
                .setColumns(columns).setSchemaFindings(findings).setDatasetColumns(7).setDriftedColumns(0)
                .setInconclusiveColumns(0).setDriftShare(0.0).setDriftShareThreshold(0.5).setDatasetDrift(false)
                .setPolicyId(policyId).build();
    }
}
