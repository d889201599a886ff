package io.driftwatch.topology.trigger;

import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.schemas.record.ComparisonBasis;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.SkewKind;
import io.driftwatch.schemas.record.SkewSeverity;
import io.driftwatch.schemas.record.TestMethod;
import io.driftwatch.schemas.record.TestResult;
import io.driftwatch.schemas.record.WindowRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerDeciderTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private final TriggerPolicy policy = new TriggerPolicy(2, true, Duration.ofHours(1));

    private static ColumnDrift column(String feature, double statistic, boolean drifted) {
        TestResult test = TestResult.newBuilder().setTest("wasserstein").setStatistic(statistic).setPValue(null)
                .setMethod(TestMethod.EXACT).setThreshold(0.1).setCondition("statistic >= 0.1")
                .setVerdict(drifted ? DriftVerdict.DRIFT : DriftVerdict.NO_DRIFT).setBound(null).build();
        return ColumnDrift.newBuilder().setFeature(feature).setColumnType(ColumnKind.NUMERIC).setReferenceCount(1000)
                .setCurrentCount(500).setReferenceMissing(0).setCurrentMissing(0)
                .setVerdict(drifted ? DriftVerdict.DRIFT : DriftVerdict.NO_DRIFT).setTests(List.of(test)).build();
    }

    private static DriftReport report(int window, boolean drift, SkewFinding... findings) {
        List<ColumnDrift> columns = List.of(column("age", drift ? 0.15 : 0.02, drift), column("income", drift ? 0.4 : 0.01, drift),
                column("country", 0.01, false));
        int drifted = drift ? 2 : 0;
        return DriftReport.newBuilder().setReportId("report-" + window).setModelName("fraud").setModelVersion("v3")
                .setWindowStart(T0.plus(WINDOW.multipliedBy(window))).setWindowEnd(T0.plus(WINDOW.multipliedBy(window + 1)))
                .setComparison(ComparisonBasis.BASELINE).setBaselineId("b1").setRecords(500).setVerdictWithheld(null)
                .setColumns(columns).setSchemaFindings(List.of(findings)).setDatasetColumns(3).setDriftedColumns(drifted)
                .setInconclusiveColumns(0).setDriftShare(drifted / 3.0).setDriftShareThreshold(0.5).setDatasetDrift(drift).build();
    }

    private List<Optional<RetrainingTrigger>> run(DriftReport... reports) {
        TriggerState state = TriggerState.INITIAL;
        List<Optional<RetrainingTrigger>> triggers = new ArrayList<>();
        for (DriftReport report : reports) {
            TriggerDecider.Decision decision = TriggerDecider.decide(policy, report, state);
            triggers.add(decision.trigger());
            state = decision.next();
        }
        return triggers;
    }

    @Test
    void firesOnceWhenDatasetDriftLastsTwoWindowsNamingBothWindowsAndTheStrongestFeatureFirst() {
        List<Optional<RetrainingTrigger>> triggers = run(report(0, false), report(1, true), report(2, true));
        assertThat(triggers.subList(0, 2)).allMatch(Optional::isEmpty);
        RetrainingTrigger trigger = triggers.get(2).orElseThrow();
        assertThat(trigger.getRule()).isEqualTo("dataset_drift");
        assertThat(trigger.getWindows()).extracting(WindowRef::getReportId).containsExactly("report-1", "report-2");
        assertThat(trigger.getEvidence()).extracting(e -> e.getFeature()).containsExactly("income", "age");
        assertThat(trigger.getFiredAt()).isEqualTo(T0.plus(WINDOW.multipliedBy(3)));
        assertThat(trigger.getSummary()).isEqualTo("fraud v3: dataset drift in 2 consecutive windows (2 of 3 columns drifted: income, age)");
        assertThat(trigger.getSummarySlug()).isEqualTo("fraud-v3-dataset-drift-in-2-consecutive-windows-2-of-3-columns-drifted-income");
    }

    @Test
    void aReplayOfTheSameWindowsGivesTheSameTriggerId() {
        String first = run(report(1, true), report(2, true)).get(1).orElseThrow().getTriggerId();
        String replay = run(report(1, true), report(2, true)).get(1).orElseThrow().getTriggerId();
        String later = run(report(5, true), report(6, true)).get(1).orElseThrow().getTriggerId();
        assertThat(replay).isEqualTo(first).hasSize(32).matches("[0-9a-f]+");
        assertThat(later).isNotEqualTo(first);
    }

    @Test
    void aWindowWithoutDriftBreaksTheRun() {
        assertThat(run(report(1, true), report(2, false), report(3, true))).allMatch(Optional::isEmpty);
    }

    @Test
    void aWithheldWindowNeitherExtendsNorBreaksTheRun() {
        DriftReport withheld = report(2, false);
        withheld.setVerdictWithheld("12 records, fewer than the minimum of 100");
        assertThat(run(report(1, true), withheld, report(3, true)).get(2)).isPresent();
    }

    @Test
    void holdsBackTriggersDuringTheCoolDownAndFiresAgainAfterIt() {
        TriggerState state = TriggerState.INITIAL;
        List<String> outcomes = new ArrayList<>();
        for (int window = 1; window <= 12; window++) {
            TriggerDecider.Decision decision = TriggerDecider.decide(policy, report(window, true), state);
            outcomes.add(decision.trigger().map(t -> "fired").orElse(decision.suppressed().map(s -> "held").orElse("-")));
            state = decision.next();
        }
        // Windows of 10 minutes, cool-down 1 hour: fired at the end of window 2 (t=30m); the run starts again,
        // is held back until the window ending at t=90m fires, then starts again.
        assertThat(outcomes).containsExactly("-", "fired", "-", "held", "held", "held", "held", "fired", "-", "held", "held", "held");
    }

    @Test
    void aSchemaErrorFiresAtOnceAndBeforeDatasetDrift() {
        SkewFinding missing = SkewFinding.newBuilder().setFeature("income").setKind(SkewKind.MISSING_COLUMN)
                .setSeverity(SkewSeverity.ERROR).setDetail("in the baseline but not in the window").build();
        RetrainingTrigger trigger = run(report(1, true), report(2, true, missing)).get(1).orElseThrow();
        assertThat(trigger.getRule()).isEqualTo("schema_error");
        assertThat(trigger.getEvidence().get(0).getDetail()).isEqualTo("in the baseline but not in the window");
        assertThat(trigger.getSummary()).isEqualTo("fraud v3: schema error in the window ending 2026-11-23T10:30:00Z (income missing_column)");
    }

    @Test
    void aPolicyThatTurnsDatasetDriftOffNeverFiresOnDriftButStillOnASchemaError() {
        TriggerPolicy schemaOnly = new TriggerPolicy(1, false, TriggerPolicy.SchemaRule.ERRORS, Duration.ZERO);
        SkewFinding missing = SkewFinding.newBuilder().setFeature("income").setKind(SkewKind.MISSING_COLUMN)
                .setSeverity(SkewSeverity.ERROR).setDetail("in the baseline but not in the window").build();
        TriggerState state = TriggerState.INITIAL;
        for (int window = 1; window <= 5; window++) {
            TriggerDecider.Decision decision = TriggerDecider.decide(schemaOnly, report(window, true), state);
            assertThat(decision.trigger()).isEmpty();
            state = decision.next();
        }
        assertThat(TriggerDecider.decide(schemaOnly, report(6, true, missing), state).trigger().orElseThrow().getRule())
                .isEqualTo("schema_error");
    }

    @Test
    void aPolicyCountingWarningsFiresOnAWarningFindingUnderItsOwnRuleName() {
        TriggerPolicy warnings = new TriggerPolicy(2, true, TriggerPolicy.SchemaRule.WARNINGS, Duration.ZERO);
        SkewFinding unseen = SkewFinding.newBuilder().setFeature("region").setKind(SkewKind.UNEXPECTED_VALUE)
                .setSeverity(SkewSeverity.WARNING).setDetail("expect.values: 'central' is not allowed").build();

        RetrainingTrigger trigger = TriggerDecider.decide(warnings, report(1, false, unseen), TriggerState.INITIAL)
                .trigger().orElseThrow();

        assertThat(trigger.getRule()).isEqualTo("schema_finding");
        assertThat(trigger.getRuleDescription()).isEqualTo("any schema finding of severity warning or error");
        assertThat(trigger.getSummary()).startsWith("fraud v3: schema finding in the window ending");
        assertThat(TriggerDecider.decide(policy, report(1, false, unseen), TriggerState.INITIAL).trigger()).isEmpty();
    }

    @Test
    void aSummaryNamesTheFiveStrongestDriftedColumnsAndCountsTheRest() {
        List<ColumnDrift> columns = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            columns.add(column("f" + i, 0.2 + i / 10.0, true));
        }
        DriftReport wide = DriftReport.newBuilder(report(1, true)).setColumns(columns).setDatasetColumns(7)
                .setDriftedColumns(7).setDriftShare(1.0).build();
        TriggerPolicy once = new TriggerPolicy(1, true, Duration.ZERO);

        RetrainingTrigger trigger = TriggerDecider.decide(once, wide, TriggerState.INITIAL).trigger().orElseThrow();

        assertThat(trigger.getSummary()).isEqualTo(
                "fraud v3: dataset drift in 1 consecutive window (7 of 7 columns drifted: f6, f5, f4, f3, f2 and 2 more)");
    }
}
