package io.driftwatch.topology.quality;

import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertKind;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.QualityFinding;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.stats.estimate.CbpeModel;
import io.driftwatch.stats.estimate.CbpeReference;
import io.driftwatch.stats.estimate.ChunkOutcomes;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.estimate.ExpectedConfusion;
import io.driftwatch.stats.estimate.MetricEstimate;
import io.driftwatch.stats.estimate.ProbabilityRanking;
import io.driftwatch.topology.estimate.BaselineEstimations;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A binary model whose baseline carries a CBPE fit: the stream estimates each window from the model's scores alone,
 * the estimated-quality rule fires on the window whose scores lost their confidence before any of its labels came,
 * and the labels, when they come, show the realized accuracy beside the estimate.
 */
class EstimatedPerformanceTopologyTest {
    private static final Instant T0 = EstimatingModel.T0;
    private static final Duration WINDOW = EstimatingModel.WINDOW;
    private static final Duration GRACE = EstimatingModel.GRACE;
    private static final int PER_WINDOW = 300;

    @TempDir
    Path stateDirectory;

    private final Random random = new Random(7);
    private EstimatingModel model;

    @BeforeEach
    void start() {
        model = new EstimatingModel(stateDirectory, new SimpleMeterRegistry(), random);
    }

    @AfterEach
    void stop() {
        model.close();
    }

    /** A window of predictions with scores drawn between {@code low} and {@code high}; their true classes. */
    private List<String> window(int index, double low, double high, ExpectedConfusion[] confusion, ProbabilityRanking ranking) {
        List<String> truth = new ArrayList<>();
        Instant start = T0.plus(WINDOW.multipliedBy(index));
        for (int i = 0; i < PER_WINDOW; i++) {
            double score = low + (high - low) * random.nextDouble();
            model.predict("w" + index + "-" + i, start.plusSeconds(i), score);
            double probability = model.fit.calibration().calibrate(score);
            confusion[0] = confusion[0].plus(probability, score >= 0.5);
            ranking.add(probability);
            truth.add(random.nextDouble() < score ? "1" : "0");
        }
        return truth;
    }

    @Test
    void aWindowWhoseScoresLostTheirConfidenceTriggersOnItsEstimateBeforeAnyLabelAndItsLabelsConfirmIt() {
        ExpectedConfusion[] steady = {ExpectedConfusion.EMPTY};
        ExpectedConfusion[] shifted = {ExpectedConfusion.EMPTY};
        ProbabilityRanking steadyRanking = new ProbabilityRanking();
        ProbabilityRanking shiftedRanking = new ProbabilityRanking();
        window(0, 0, 1, steady, steadyRanking);
        List<String> truth = window(1, 0.4, 0.6, shifted, shiftedRanking);
        model.predict("w2-0", T0.plus(WINDOW.multipliedBy(2)).plus(GRACE).plusSeconds(30), 0.9);
        model.update();
        model.update();

        List<QualityReport> before = model.reports.readValuesToList();
        assertThat(before).as("no label has come").allSatisfy(report -> assertThat(report.getLabelled()).isZero());
        QualityReport window0 = EstimatingModel.reportsOf(before, 0).get(EstimatingModel.reportsOf(before, 0).size() - 1);
        QualityReport window1 = EstimatingModel.reportsOf(before, 1).get(EstimatingModel.reportsOf(before, 1).size() - 1);
        assertThat(window0.getEstimated().getComplete()).isTrue();
        assertThat(window1.getEstimated().getComplete()).isTrue();
        assertThat(window1.getEstimated().getPredictions()).isEqualTo(PER_WINDOW);
        assertThat(window1.getEstimated().getBaselineId()).isEqualTo("churn/v2/0123456789abcdef");

        CbpeModel statistics = new CbpeModel(model.fit, null);
        Map<EstimatedMetric, MetricEstimate> expected0 = statistics.estimate(steady[0], steadyRanking, metric -> Double.NaN);
        Map<EstimatedMetric, MetricEstimate> expected1 = statistics.estimate(shifted[0], shiftedRanking, metric -> Double.NaN);
        for (EstimatedMetric name : List.of(EstimatedMetric.ACCURACY, EstimatedMetric.PRECISION, EstimatedMetric.RECALL,
                EstimatedMetric.F1, EstimatedMetric.SPECIFICITY, EstimatedMetric.ROC_AUC, EstimatedMetric.AVERAGE_PRECISION)) {
            MetricEstimate one = expected1.get(name);
            EstimatedMetricReport reported = EstimatingModel.metric(window1, name.metricName());
            assertThat(reported.getValue()).as("the stream's %s is the statistics' on the same rows", name).isEqualTo(one.value());
            assertThat(reported.getSamplingError()).as(name.metricName()).isEqualTo(one.samplingError());
            assertThat(reported.getLower()).as(name.metricName()).isEqualTo(one.band().lower());
            assertThat(EstimatingModel.metric(window0, name.metricName()).getValue()).as(name.metricName())
                    .isEqualTo(expected0.get(name).value());
        }
        EstimatedMetricReport accuracy0 = EstimatingModel.metric(window0, "accuracy");
        EstimatedMetricReport accuracy1 = EstimatingModel.metric(window1, "accuracy");
        assertThat(accuracy0.getValue()).as("confident scores: about 0.75 expected right").isBetween(0.7, 0.8);
        assertThat(accuracy0.getAlert()).isFalse();
        assertThat(accuracy1.getValue()).as("scores near 0.5: about half expected right").isBetween(0.45, 0.6);
        assertThat(accuracy1.getAlert()).isTrue();
        assertThat(accuracy1.getValue()).isLessThan(accuracy1.getThresholdLower());

        List<RetrainingTrigger> fired = model.triggers.readValuesToList();
        assertThat(fired).extracting(RetrainingTrigger::getRule).containsExactly("estimated_quality");
        assertThat(fired.get(0).getWindows().get(0).getStart()).isEqualTo(T0.plus(WINDOW));
        List<AlertEvent> qualityAlerts = model.alerts.readValuesToList().stream().filter(a -> a.getKind() == AlertKind.QUALITY).toList();
        assertThat(qualityAlerts).hasSize(1);
        assertThat(qualityAlerts.get(0).getTitle())
                .isEqualTo("churn v2: estimated quality fell, before its labels (accuracy); retraining triggered");
        QualityFinding finding = qualityAlerts.get(0).getQuality();
        assertThat(finding.getRule()).isEqualTo("estimated_quality");
        assertThat(finding.getValue()).isEqualTo(accuracy1.getValue());
        assertThat(finding.getLabelled()).isZero();
        assertThat(finding.getLimit()).isEqualTo(accuracy1.getThresholdLower());
        assertThat(finding.getEstimate().getPredictions()).isEqualTo(PER_WINDOW);
        assertThat(finding.getEstimate().getLower()).isEqualTo(accuracy1.getLower());
        assertThat(finding.getEstimate().getUpper()).isEqualTo(accuracy1.getUpper());

        Instant window1Start = T0.plus(WINDOW);
        for (int i = 0; i < PER_WINDOW; i++) {
            model.label("w1-" + i, window1Start.plus(Duration.ofMinutes(30)).plusSeconds(i), truth.get(i));
        }
        model.update();
        QualityReport labelled = EstimatingModel.reportsOf(model.reports.readValuesToList(), 1).stream()
                .filter(report -> report.getLabelled() == PER_WINDOW).findFirst().orElseThrow();
        double realized = labelled.getMetrics().get("accuracy");
        EstimatedMetricReport beside = EstimatingModel.metric(labelled, "accuracy");
        assertThat(beside.getRealized()).as("realized beside the estimate").isEqualTo(realized);
        assertThat(beside.getValue()).as("the estimate does not move when labels come").isEqualTo(accuracy1.getValue());
        assertThat(realized).as("the labels confirm it: below the reference's lower threshold")
                .isLessThan(accuracy1.getThresholdLower());
        assertThat(model.triggers.readValuesToList()).as("one incident, one trigger").isEmpty();
    }

    @Test
    void aModelWhoseBaselineHasNoFitGetsNoEstimateAndPredictionsWithoutAScoreAreCountedNotEstimated() {
        for (int i = 0; i < 5; i++) {
            InferenceLog log = InferenceLog.newBuilder().setRequestId("n" + i).setModelName("churn").setModelVersion("v2")
                    .setEventTime(T0.plusSeconds(i)).setFeatures(Map.of("x", 1.0)).setPrediction("1").setClassScores(null).build();
            model.send(log);
        }
        model.predict("scored", T0.plusSeconds(9), 0.8);
        InferenceLog other = InferenceLog.newBuilder().setRequestId("o1").setModelName("churn").setModelVersion("v3")
                .setEventTime(T0.plusSeconds(3)).setFeatures(Map.of("x", 1.0)).setPrediction("1")
                .setClassScores(Map.of("1", 0.7)).build();
        model.send(other);
        model.update();

        List<QualityReport> all = model.reports.readValuesToList();
        QualityReport v2 = all.stream().filter(report -> report.getModelVersion().equals("v2")).findFirst().orElseThrow();
        assertThat(v2.getEstimated().getPredictions()).isEqualTo(1);
        assertThat(v2.getEstimated().getNotEstimated()).isEqualTo(5);
        assertThat(v2.getEstimated().getComplete()).as("the window's grace has not passed").isFalse();
        QualityReport v3 = all.stream().filter(report -> report.getModelVersion().equals("v3")).findFirst().orElseThrow();
        assertThat(v3.getEstimated()).as("v3 has no baseline").isNull();
    }

    @Test
    void aWindowWhoseBaselineLostItsFitIsReportedOnceWhenItsGraceHasPassedNotOnEveryTick() {
        for (int i = 0; i < 20; i++) {
            model.predict("w0-" + i, T0.plusSeconds(i), 0.8);
        }
        model.update();
        model.publishBaseline(Baseline.newBuilder().setBaselineId("churn/v2/fedcba9876543210").setModelName("churn")
                        .setModelVersion("v2").setCreatedAt(T0).setSource("validation.csv").setRows(5_000)
                        .setContentHash("fedcba9876543210").setColumns(List.of()).build());
        model.reports.readValuesToList();
        for (int tick = 0; tick < 5; tick++) {
            model.predict("later-" + tick, T0.plus(WINDOW).plus(GRACE).plusSeconds(10 + tick), 0.8);
            model.update();
        }

        List<QualityReport> window0 = EstimatingModel.reportsOf(model.reports.readValuesToList(), 0);
        assertThat(window0).as("window 0 once, when its grace passed").hasSize(1);
        assertThat(window0.get(0).getEstimated()).as("no fit to estimate with any more").isNull();
    }

    @Test
    void aNamedClassModelWhosePolicyNamesNoPositiveClassHasItsRealizedFiguresOfTheClassItsFitEstimates() {
        List<ChunkOutcomes> chunks = new ArrayList<>();
        for (int chunk = 0; chunk < 5; chunk++) {
            ChunkOutcomes rows = new ChunkOutcomes();
            for (int row = 0; row < 400; row++) {
                double score = random.nextDouble();
                rows.add(score, score >= 0.5, random.nextDouble() < score);
            }
            chunks.add(rows);
        }
        double[] undefined = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        model.publishBaseline(Baseline.newBuilder().setBaselineId("loans/v1/0123456789abcdef").setModelName("loans")
                .setModelVersion("v1").setCreatedAt(T0).setSource("validation.csv").setRows(2_000)
                .setContentHash("0123456789abcdef").setColumns(List.of())
                .setPerformanceEstimation(BaselineEstimations.toRecord(CbpeReference.fit("approve", chunks, undefined, undefined)))
                .build());
        for (int i = 0; i < 200; i++) {
            double score = random.nextDouble();
            Instant at = T0.plusSeconds(i);
            model.send(InferenceLog.newBuilder().setRequestId("l" + i).setModelName("loans").setModelVersion("v1")
                    .setEventTime(at).setFeatures(Map.of("x", 1.0)).setPrediction(score >= 0.5 ? "approve" : "decline")
                    .setClassScores(Map.of("approve", score, "decline", 1 - score)).build());
            model.label("loans", "l" + i, at.plusSeconds(30), random.nextDouble() < score ? "approve" : "decline");
        }
        model.update();

        QualityReport report = model.reports.readValuesToList().stream().filter(r -> r.getModelName().equals("loans"))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(report.getLabelled()).isEqualTo(200);
        assertThat(report.getBinary().getPositiveClass()).as("the fit's positive class").isEqualTo("approve");
        for (String name : List.of("precision", "recall", "f1", "specificity", "accuracy")) {
            assertThat(EstimatingModel.metric(report, name).getRealized()).as(name)
                    .isEqualTo(report.getMetrics().get(name)).isNotNull();
        }
    }
}
