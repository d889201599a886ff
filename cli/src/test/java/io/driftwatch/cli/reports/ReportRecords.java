package io.driftwatch.cli.reports;

import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.schemas.record.ComparisonBasis;
import io.driftwatch.schemas.record.DeadLetter;
import io.driftwatch.schemas.record.DeadLetterReason;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.EstimatedPerformance;
import io.driftwatch.schemas.record.FeatureRanking;
import io.driftwatch.schemas.record.ModelTask;
import io.driftwatch.schemas.record.MultivariateDrift;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RankedFeature;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.SkewKind;
import io.driftwatch.schemas.record.SkewSeverity;
import io.driftwatch.schemas.record.TestMethod;
import io.driftwatch.schemas.record.TestResult;
import io.driftwatch.schemas.record.WindowProfile;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.profile.ProfileCodec;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The records the service writes, built with the Avro builders as the topology builds them, for the reports tests. */
public final class ReportRecords {
    public static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    public static final Duration WINDOW = Duration.ofHours(1);

    private ReportRecords() {
    }

    /** A drift report of {@code model} v7 for window {@code window}: income drifted on PSI, age held on KS. */
    public static DriftReport drift(String model, int window) {
        TestResult psi = TestResult.newBuilder().setTest("psi").setStatistic(0.412).setPValue(null)
                .setMethod(TestMethod.EXACT).setThreshold(0.2).setCondition("statistic >= 0.2")
                .setVerdict(DriftVerdict.DRIFT).setBound(null).build();
        TestResult ks = TestResult.newBuilder().setTest("ks").setStatistic(0.03).setPValue(0.61)
                .setMethod(TestMethod.EXACT).setThreshold(0.05).setCondition("p <= 0.05")
                .setVerdict(DriftVerdict.NO_DRIFT).setBound(null).build();
        ColumnDrift income = ColumnDrift.newBuilder().setFeature("income").setColumnType(ColumnKind.NUMERIC)
                .setReferenceCount(1000).setCurrentCount(500).setReferenceMissing(0).setCurrentMissing(3)
                .setVerdict(DriftVerdict.DRIFT).setTests(List.of(psi)).build();
        ColumnDrift age = ColumnDrift.newBuilder().setFeature("age").setColumnType(ColumnKind.NUMERIC)
                .setReferenceCount(1000).setCurrentCount(500).setReferenceMissing(0).setCurrentMissing(0)
                .setVerdict(DriftVerdict.NO_DRIFT).setTests(List.of(ks)).build();
        SkewFinding unseen = SkewFinding.newBuilder().setFeature("country").setKind(SkewKind.UNSEEN_CATEGORY)
                .setSeverity(SkewSeverity.WARNING).setDetail("1 category the reference never saw: 'FI'").build();
        return DriftReport.newBuilder().setReportId("drift-" + model + "-" + window).setModelName(model).setModelVersion("v7")
                .setWindowStart(start(window)).setWindowEnd(start(window + 1))
                .setComparison(ComparisonBasis.BASELINE).setBaselineId("b1").setRecords(500).setVerdictWithheld(null)
                .setColumns(List.of(income, age)).setSchemaFindings(List.of(unseen)).setDatasetColumns(2)
                .setDriftedColumns(1).setInconclusiveColumns(0).setDriftShare(0.5).setDriftShareThreshold(0.5)
                .setDatasetDrift(true).setPolicyId("3f9a2c41b7de").build();
    }

    /**
     * {@link #drift}'s report with a multivariate drift that alerts (PCA reconstruction error 1.0214, band 0.9512 to
     * 1.0916, above the thresholds 0.4102 to 0.5310, on 500 inferences of income and age) and its features ranked by alert
     * count over 10 windows: income first (4 alerts), then age (1 alert).
     */
    public static DriftReport ranked(String model, int window) {
        MultivariateDrift multivariate = MultivariateDrift.newBuilder().setMethod("pca_reconstruction_error")
                .setFeatures(List.of("income", "age")).setRows(500).setRowsOfEarlierFits(0).setValue(1.0214).setSamplingError(0.0234)
                .setLower(0.9512).setUpper(1.0916).setThresholdLower(0.4102).setThresholdUpper(0.531).setAlert(true).build();
        FeatureRanking ranking = FeatureRanking.newBuilder().setMethod("alert_count").setWindows(10).setMetric(null).setPerformance(null)
                .setFeatures(List.of(new RankedFeature("income", 1, 4, null, null), new RankedFeature("age", 2, 1, null, null))).build();
        return DriftReport.newBuilder(drift(model, window)).setMultivariate(multivariate).setFeatureRanking(ranking).build();
    }

    /** A quality report of credit v7 for window {@code window}, final or not, with its accuracy. */
    public static QualityReport quality(int window, boolean isFinal, double accuracy, long labelled) {
        return QualityReport.newBuilder().setReportId("quality-" + window).setModelName("credit").setModelVersion("v7")
                .setWindowStart(start(window)).setWindowEnd(start(window + 1)).setIsFinal(isFinal)
                .setTask(ModelTask.CLASSIFICATION).setPredictions(400).setLabelled(labelled).setLabelCoverage(labelled / 400.0)
                .setMetrics(Map.of("accuracy", accuracy, "f1", 0.8)).setPolicyId(null).build();
    }

    /**
     * Window {@code window}'s report before any label, with its estimate: accuracy 0.5519 (0.4775 to 0.6263), below the
     * reference's thresholds 0.7071 to 0.8 so alerting, and f1 0.6 without thresholds, realized 0.55 on the labels so far.
     */
    public static QualityReport estimated(int window, boolean complete) {
        EstimatedMetricReport accuracy = EstimatedMetricReport.newBuilder().setMetric("accuracy").setValue(0.5519)
                .setSamplingError(0.0248).setErrorBound(0).setLower(0.4775).setUpper(0.6263).setThresholdLower(0.7071)
                .setThresholdUpper(0.8).setAlert(true).setRealized(null).build();
        EstimatedMetricReport f1 = EstimatedMetricReport.newBuilder().setMetric("f1").setValue(0.6).setSamplingError(0.03)
                .setErrorBound(0.001).setLower(0.51).setUpper(0.69).setThresholdLower(null).setThresholdUpper(null).setAlert(false)
                .setRealized(0.55).build();
        EstimatedPerformance estimate = EstimatedPerformance.newBuilder().setBaselineId("credit/v7/0123456789abcdef")
                .setPositiveClass("1").setPredictions(300).setNotEstimated(100).setComplete(complete).setTruePositives(120.5)
                .setFalsePositives(60.25).setFalseNegatives(74.25).setTrueNegatives(45).setMetrics(List.of(f1, accuracy)).build();
        return QualityReport.newBuilder(quality(window, false, 0, 0)).setMetrics(Map.of()).setEstimated(estimate).build();
    }

    /** The profile of income in window {@code window}: the values 1 to 5 and two missing. */
    public static WindowProfile numericProfile(int window) {
        NumericProfile profile = NumericProfile.of(NumericProfileConfig.defaults(), 1, 2, 3, 4, 5);
        profile.updateNull();
        profile.updateNull();
        return WindowProfile.newBuilder().setModelName("credit").setModelVersion("v7").setFeature("income")
                .setWindowStart(start(window)).setWindowEnd(start(window + 1)).setColumnType(ColumnKind.NUMERIC)
                .setCount(5).setMissing(2).setProfile(ByteBuffer.wrap(ProfileCodec.toBytes(profile))).build();
    }

    /** The profile of country in window 0: DE three times, FR twice, FI once. */
    public static WindowProfile categoricalProfile() {
        CategoricalProfile profile = CategoricalProfile.of(CategoricalProfileConfig.defaults(),
                List.of("DE", "FR", "DE", "FI", "DE", "FR"));
        return WindowProfile.newBuilder().setModelName("credit").setModelVersion("v7").setFeature("country")
                .setWindowStart(T0).setWindowEnd(start(1)).setColumnType(ColumnKind.CATEGORICAL)
                .setCount(6).setMissing(0).setProfile(ByteBuffer.wrap(ProfileCodec.toBytes(profile))).build();
    }

    /** A dead letter of an inference whose value is {@code value}. */
    public static DeadLetter deadLetter(byte[] value) {
        return DeadLetter.newBuilder().setTopic("inferences").setPartition(2).setOffset(41).setRecordTime(T0)
                .setDeadLetteredAt(T0.plusSeconds(5)).setReasonCode(DeadLetterReason.BAD_MAGIC_BYTE)
                .setReason("first byte 0x7b is not the Confluent magic byte 0").setOriginalKey(null)
                .setOriginalValue(ByteBuffer.wrap(value)).build();
    }

    public static Instant start(int window) {
        return T0.plus(WINDOW.multipliedBy(window));
    }
}
