package io.driftwatch.tools.demo;

import io.driftwatch.schemas.record.ComparisonBasis;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.SkewKind;
import io.driftwatch.schemas.record.SkewSeverity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoExpectationsTest {
    private static final DemoScenario SCENARIO = new DemoScenario(Instant.parse("2026-11-21T07:00:00Z"), Duration.ofMinutes(10),
            6, 3, 150, Duration.ofMinutes(20), 7L);

    @Test
    void namesEveryMissingOutputWhenDriftwatchProducedNothing() {
        DemoObservation nothing = new DemoObservation(Map.of(), Map.of(), List.of());

        List<String> missing = new DemoExpectations(SCENARIO).missing(nothing, List.of());

        assertThat(missing).containsExactly(
                "drift reports for 6 windows (got 0)",
                "final quality reports for 6 windows (got 0)",
                "a dataset_drift trigger from window 4 (2026-11-21T07:30:00Z)",
                "a quality_threshold trigger for window 4 (2026-11-21T07:30:00Z)",
                "an alert email about credit v1 saying retraining triggered");
    }

    @Test
    void reportsCallingThePredictionAnUnexpectedColumnAreNamedAsAFalseFinding() {
        SkewFinding predictionUnexpected = SkewFinding.newBuilder().setFeature("__prediction__").setKind(SkewKind.UNEXPECTED_COLUMN)
                .setSeverity(SkewSeverity.WARNING).setDetail("in the current data but not in the reference").build();
        SkewFinding newRegion = SkewFinding.newBuilder().setFeature("region").setKind(SkewKind.UNSEEN_CATEGORY)
                .setSeverity(SkewSeverity.WARNING).setDetail("1 category the reference never saw").build();
        DemoObservation observation = new DemoObservation(Map.of(
                SCENARIO.windowStart(0), report(0, List.of(predictionUnexpected)),
                SCENARIO.windowStart(1), report(1, List.of(newRegion)),
                SCENARIO.windowStart(2), report(2, List.of(predictionUnexpected, newRegion))), Map.of(), List.of());

        List<String> missing = new DemoExpectations(SCENARIO).missing(observation, List.of());

        assertThat(missing).contains("drift reports without an unexpected_column finding for the prediction (__prediction__),"
                + " which 2 of them have: is the prediction's profile missing from the baseline?");
        assertThat(new DemoExpectations(SCENARIO).missing(new DemoObservation(Map.of(SCENARIO.windowStart(1),
                report(1, List.of(newRegion))), Map.of(), List.of()), List.of())).noneMatch(line -> line.contains("unexpected_column"));
    }

    private static DriftReport report(int window, List<SkewFinding> findings) {
        return DriftReport.newBuilder().setReportId("report-" + window).setModelName("credit").setModelVersion("v1")
                .setWindowStart(SCENARIO.windowStart(window)).setWindowEnd(SCENARIO.windowStart(window + 1))
                .setComparison(ComparisonBasis.BASELINE).setBaselineId("b1").setRecords(150).setVerdictWithheld(null)
                .setColumns(List.of()).setSchemaFindings(findings).setDatasetColumns(7).setDriftedColumns(0)
                .setInconclusiveColumns(0).setDriftShare(0.0).setDriftShareThreshold(0.5).setDatasetDrift(false).build();
    }

    @Test
    void anEmailAboutAnotherModelOrWithoutATriggerDoesNotCount() {
        List<CaughtEmail> emails = List.of(
                new CaughtEmail("[driftwatch CRITICAL] fraud v3: age drifted; retraining triggered", Path.of("a.eml"), Path.of("a.html")),
                new CaughtEmail("[driftwatch WARNING] credit v1: age drifted", Path.of("b.eml"), Path.of("b.html")));

        assertThat(DemoExpectations.triggerEmail(emails)).isEmpty();
    }
}
