package io.driftwatch.topology.verdict;

import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.schemas.record.ComparisonBasis;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.EstimatedPerformance;
import io.driftwatch.schemas.record.ModelTask;
import io.driftwatch.schemas.record.MultivariateDrift;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.SkewKind;
import io.driftwatch.schemas.record.SkewSeverity;
import io.driftwatch.schemas.record.TestMethod;
import io.driftwatch.schemas.record.TestResult;
import io.driftwatch.schemas.record.WindowRef;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictLogTest {
    private static final Instant START = Instant.parse("2026-12-05T15:00:00Z");
    private static final Instant END = Instant.parse("2026-12-05T15:10:00Z");

    private static ColumnDrift column(String feature, String test, double statistic, @Nullable Double pValue, String condition,
                                      boolean drifted) {
        DriftVerdict verdict = drifted ? DriftVerdict.DRIFT : DriftVerdict.NO_DRIFT;
        TestResult result = TestResult.newBuilder().setTest(test).setStatistic(statistic).setPValue(pValue)
                .setMethod(TestMethod.EXACT).setThreshold(0.05).setCondition(condition).setVerdict(verdict).setBound(null).build();
        return ColumnDrift.newBuilder().setFeature(feature).setColumnType(ColumnKind.NUMERIC).setReferenceCount(1000)
                .setCurrentCount(300).setReferenceMissing(0).setCurrentMissing(0).setVerdict(verdict).setTests(List.of(result)).build();
    }

    private static DriftReport report(String model, @Nullable String withheld, List<ColumnDrift> columns, List<SkewFinding> findings) {
        long drifted = columns.stream().filter(c -> c.getVerdict() == DriftVerdict.DRIFT).count();
        return DriftReport.newBuilder().setReportId("r").setModelName(model).setModelVersion("1").setWindowStart(START)
                .setWindowEnd(END).setComparison(ComparisonBasis.BASELINE).setBaselineId("b1").setRecords(300)
                .setVerdictWithheld(withheld).setColumns(columns).setSchemaFindings(findings).setDatasetColumns(columns.size())
                .setDriftedColumns((int) drifted).setInconclusiveColumns(0).setDriftShare(drifted / (double) columns.size())
                .setDriftShareThreshold(0.5).setDatasetDrift(drifted * 2 >= columns.size()).setPolicyId("e09c1044ca4d").build();
    }

    @Test
    void aClosedWindowsLineGivesItsVerdictEachDriftedFeaturesDecidingTestAndItsSchemaFindings() {
        DriftReport report = report("credit", null, List.of(
                column("age", "ks", 0.3112, 1.2e-5, "p < 0.05", true),
                column("income", "wasserstein", 0.21, null, "statistic >= 0.15", true),
                column("tenure", "ks", 0.02, 0.8, "p < 0.05", false)), List.of(SkewFinding.newBuilder().setFeature("region")
                .setKind(SkewKind.UNEXPECTED_VALUE).setSeverity(SkewSeverity.ERROR).setDetail("online").build()));

        assertThat(VerdictLog.closedLine(report)).isEqualTo("window closed: credit 1 2026-12-05T15:00:00Z..15:10:00Z, 300 records:"
                + " DRIFT, 2 of 3 columns drifted (age ks 0.3112 p 1.200e-05, drift when p < 0.05; income wasserstein 0.2100,"
                + " drift when statistic >= 0.15); 1 schema finding (region unexpected_value error); policy e09c1044ca4d");
    }

    @Test
    void aClosedWindowsLineGivesItsMultivariateDriftAgainstItsThresholds() {
        DriftReport report = report("loans", null, List.of(column("income", "ks", 0.02, 0.8, "p < 0.05", false)), List.of());
        report.setMultivariate(MultivariateDrift.newBuilder().setMethod("pca_reconstruction_error")
                .setFeatures(List.of("income", "debt")).setRows(400).setValue(1.53942).setSamplingError(0.059)
                .setLower(1.36).setUpper(1.72).setThresholdLower(0.908250).setThresholdUpper(1.004131).setAlert(true).build());

        assertThat(VerdictLog.closedLine(report)).isEqualTo("window closed: loans 1 2026-12-05T15:00:00Z..15:10:00Z, 300 records:"
                + " no dataset drift, 0 of 1 columns drifted; multivariate drift 1.539 ALERT outside 0.9083..1.004;"
                + " policy e09c1044ca4d");
    }

    @Test
    void aWindowWithoutAVerdictSaysWhy() {
        DriftReport report = report("credit", "first window of a model version without a baseline: nothing to compare with yet",
                List.of(), List.of());

        assertThat(VerdictLog.closedLine(report)).isEqualTo("window closed: credit 1 2026-12-05T15:00:00Z..15:10:00Z, 300 records:"
                + " no verdict (first window of a model version without a baseline: nothing to compare with yet); policy e09c1044ca4d");
    }

    @Test
    void aTriggersLineNamesItsRulePolicyAndWindows() {
        RetrainingTrigger trigger = RetrainingTrigger.newBuilder().setTriggerId("t-1").setModelName("fraud").setModelVersion("2")
                .setRule("dataset_drift").setRuleDescription("dataset drift in 1 consecutive window").setFiredAt(END)
                .setWindows(List.of(new WindowRef(START, END, "r"))).setEvidence(List.of())
                .setSummary("fraud 2: dataset drift (2 of 6 columns drifted)").setSummarySlug("s").setPolicyId("c885992a4ea3").build();

        assertThat(VerdictLog.triggerLine(trigger)).isEqualTo("retraining triggered: fraud 2, rule dataset_drift (dataset drift"
                + " in 1 consecutive window), policy c885992a4ea3, windows 2026-12-05T15:00:00Z..15:10:00Z: fraud 2: dataset drift"
                + " (2 of 6 columns drifted); trigger t-1");
    }

    @Test
    void namesFromTheTrafficCannotForgeALogLineOrFloodIt() {
        String hostile = "fraud\r\n2026-12-05 ERROR forged line\u2028";
        String line = VerdictLog.closedLine(report(hostile, null, List.of(column("x".repeat(500), "ks", 0.5, 1e-9, "p < 0.05",
                true)), List.of()));

        assertThat(line).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u2028")
                .contains("fraud\\u000d\\u000a2026-12-05 ERROR forged line\\u2028").contains("...(500 chars)");
        assertThat(line.length()).isLessThan(400);
    }

    @Test
    void aCompleteEstimatesLineGivesEveryEstimateWithItsBandAndTheAlertsSide() {
        EstimatedMetricReport accuracy = EstimatedMetricReport.newBuilder().setMetric("accuracy").setValue(0.553)
                .setSamplingError(0.024).setErrorBound(0).setLower(0.481).setUpper(0.625).setThresholdLower(0.7066)
                .setThresholdUpper(0.8421).setAlert(true).setRealized(null).build();
        EstimatedMetricReport rocAuc = EstimatedMetricReport.newBuilder().setMetric("roc_auc").setValue(0.512)
                .setSamplingError(0.03).setErrorBound(0).setLower(0.422).setUpper(0.602).setThresholdLower(null)
                .setThresholdUpper(null).setAlert(false).setRealized(null).build();
        EstimatedPerformance estimated = EstimatedPerformance.newBuilder().setBaselineId("churn/v2/0123456789abcdef")
                .setPositiveClass("1").setPredictions(300).setNotEstimated(5).setComplete(true).setTruePositives(80)
                .setFalsePositives(70).setFalseNegatives(64).setTrueNegatives(86).setMetrics(List.of(accuracy, rocAuc)).build();
        QualityReport report = QualityReport.newBuilder().setReportId("q").setModelName("churn").setModelVersion("v2")
                .setWindowStart(START).setWindowEnd(END).setIsFinal(false).setTask(ModelTask.CLASSIFICATION).setPredictions(305)
                .setLabelled(0).setLabelCoverage(0).setMetrics(Map.of()).setPolicyId("e09c1044ca4d").setEstimated(estimated).build();

        assertThat(VerdictLog.estimateLine(report, estimated)).isEqualTo("estimate complete: churn v2"
                + " 2026-12-05T15:00:00Z..15:10:00Z, 300 predictions (5 without a score), 0 labelled: accuracy 0.5530"
                + " (0.4810..0.6250) ALERT below 0.7066, roc_auc 0.5120 (0.4220..0.6020); baseline churn/v2/0123456789abcdef;"
                + " policy e09c1044ca4d");
    }
}
