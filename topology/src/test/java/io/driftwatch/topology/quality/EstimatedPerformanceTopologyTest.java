package io.driftwatch.topology.quality;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.mapping.LabelMapping;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertKind;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.EstimatedPerformance;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.QualityFinding;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.stats.estimate.CbpeModel;
import io.driftwatch.stats.estimate.CbpeReference;
import io.driftwatch.stats.estimate.ChunkOutcomes;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.estimate.ExpectedConfusion;
import io.driftwatch.stats.estimate.MetricEstimate;
import io.driftwatch.stats.estimate.ProbabilityRanking;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.DriftwatchTopology;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.estimate.BaselineEstimations;
import io.driftwatch.topology.policy.ConfigModelRules;
import io.driftwatch.topology.policy.ModelRules;
import io.driftwatch.topology.policy.ModelRulesSource;
import io.driftwatch.topology.trigger.EstimatedTriggerPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A binary model whose baseline carries a CBPE fit: the stream estimates each window from the model's scores alone,
 * the estimated-quality rule fires on the window whose scores lost their confidence before any of its labels came,
 * and the labels, when they come, show the realized accuracy beside the estimate.
 */
class EstimatedPerformanceTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final Duration MAX_DELAY = Duration.ofHours(2);
    private static final int PER_WINDOW = 300;

    @TempDir
    Path stateDirectory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Random random = new Random(7);
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> inferences;
    private TestInputTopic<byte[], byte[]> labels;
    private TestOutputTopic<String, QualityReport> reports;
    private TestOutputTopic<String, RetrainingTrigger> triggers;
    private TestOutputTopic<String, AlertEvent> alerts;
    private CbpeReference fit;

    @BeforeEach
    void start() {
        DriftwatchConfig config = new DriftwatchConfig(Map.of("bootstrap.servers", "unused:9092",
                DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, WINDOW.toMillis(),
                DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, GRACE.toMillis(),
                DriftwatchConfig.LABELS_MAX_DELAY_MS_CONFIG, MAX_DELAY.toMillis(),
                DriftwatchConfig.QUALITY_UPDATE_INTERVAL_MS_CONFIG, 1_000L));
        var topology = DriftwatchTopology.build(config, new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT),
                new JsonDecoder<>(LabelMapping.canonical(), DecodeLimits.DEFAULT),
                (judgedBy, reference, current, thresholds, chosen) -> new ProfileComparator(judgedBy.withBaselineChoices(thresholds, chosen))
                        .compare(reference, current), estimatedAccuracyRule(config), 1, meters, Clock.systemUTC());
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "estimate-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        driver = new TopologyTestDriver(topology, properties, T0);
        inferences = driver.createInputTopic("inferences", Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        labels = driver.createInputTopic("labels", Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        reports = driver.createOutputTopic("driftwatch.quality-reports", Serdes.String().deserializer(),
                Topics.QUALITY_REPORTS.valueSerde().deserializer());
        triggers = driver.createOutputTopic("driftwatch.triggers", Serdes.String().deserializer(),
                Topics.TRIGGERS.valueSerde().deserializer());
        alerts = driver.createOutputTopic("driftwatch.alerts", Serdes.String().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
        fit = referenceFit();
        driver.createInputTopic("driftwatch.baselines", Serdes.String().serializer(), Topics.BASELINES.valueSerde().serializer())
                .pipeInput("churn/v2", Baseline.newBuilder().setBaselineId("churn/v2/0123456789abcdef").setModelName("churn")
                        .setModelVersion("v2").setCreatedAt(T0).setSource("validation.csv").setRows(5_000)
                        .setContentHash("0123456789abcdef").setColumns(List.of())
                        .setPerformanceEstimation(BaselineEstimations.toRecord(fit)).build());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** The estimated-quality rule on accuracy, below the reference's band, on at least 100 predictions. */
    private static ModelRulesSource estimatedAccuracyRule(DriftwatchConfig config) {
        ModelRules defaults = new ConfigModelRules(config).defaults();
        ModelRules rules = new ModelRules("churn-estimated", defaults.comparison(), defaults.triggers(), defaults.quality(),
                new EstimatedTriggerPolicy(EstimatedMetric.ACCURACY, OptionalDouble.empty(), true, 100, Duration.ofHours(6)),
                defaults.outcome(), Set.of(), defaults.window(), Set.of());
        return new ModelRulesSource() {
            @Override
            public void check(String key, String text) {
            }

            @Override
            public ModelRules resolve(String model, String version, Map<String, String> acceptedPolicies) {
                return rules;
            }
        };
    }

    /** A calibrated model on its validation set: label 1 with the score's probability, 10 chunks of 500. */
    private CbpeReference referenceFit() {
        List<ChunkOutcomes> chunks = new ArrayList<>();
        for (int chunk = 0; chunk < 10; chunk++) {
            ChunkOutcomes rows = new ChunkOutcomes();
            for (int row = 0; row < 500; row++) {
                double score = random.nextDouble();
                rows.add(score, score >= 0.5, random.nextDouble() < score);
            }
            chunks.add(rows);
        }
        double[] undefined = new double[10];
        Arrays.fill(undefined, Double.NaN);
        return CbpeReference.fit("1", chunks, undefined, undefined);
    }

    private void predict(String requestId, Instant time, double score) {
        InferenceLog log = InferenceLog.newBuilder().setRequestId(requestId).setModelName("churn").setModelVersion("v2")
                .setEventTime(time).setFeatures(Map.of("x", 1.0)).setPrediction(score >= 0.5 ? "1" : "0")
                .setClassScores(Map.of("1", score, "0", 1 - score)).build();
        inferences.pipeInput(new TestRecord<>(null, RecordEncoders.json(log), T0));
    }

    private void label(String requestId, Instant time, String label) {
        FeedbackLabel feedback = FeedbackLabel.newBuilder().setRequestId(requestId).setModelName("churn").setLabel(label)
                .setEventTime(time).build();
        labels.pipeInput(new TestRecord<>(null, RecordEncoders.json(feedback), T0));
    }

    /** Two update intervals of wall clock: the join sends its partial tallies, then the aggregator reports. */
    private void update() {
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
    }

    /** A window of predictions with scores drawn between {@code low} and {@code high}; their true classes. */
    private List<String> window(int index, double low, double high, ExpectedConfusion[] confusion, ProbabilityRanking ranking) {
        List<String> truth = new ArrayList<>();
        Instant start = T0.plus(WINDOW.multipliedBy(index));
        for (int i = 0; i < PER_WINDOW; i++) {
            double score = low + (high - low) * random.nextDouble();
            predict("w" + index + "-" + i, start.plusSeconds(i), score);
            double probability = fit.calibration().calibrate(score);
            confusion[0] = confusion[0].plus(probability, score >= 0.5);
            ranking.add(probability);
            truth.add(random.nextDouble() < score ? "1" : "0");
        }
        return truth;
    }

    private static EstimatedMetricReport metric(EstimatedPerformance estimated, String name) {
        return estimated.getMetrics().stream().filter(metric -> metric.getMetric().equals(name)).findFirst().orElseThrow();
    }

    private List<QualityReport> reportsOf(List<QualityReport> all, int window) {
        Instant start = T0.plus(WINDOW.multipliedBy(window));
        return all.stream().filter(report -> report.getWindowStart().equals(start)).toList();
    }

    @Test
    void aWindowWhoseScoresLostTheirConfidenceTriggersOnItsEstimateBeforeAnyLabelAndItsLabelsConfirmIt() {
        ExpectedConfusion[] steady = {ExpectedConfusion.EMPTY};
        ExpectedConfusion[] shifted = {ExpectedConfusion.EMPTY};
        ProbabilityRanking steadyRanking = new ProbabilityRanking();
        ProbabilityRanking shiftedRanking = new ProbabilityRanking();
        window(0, 0, 1, steady, steadyRanking);
        List<String> truth = window(1, 0.4, 0.6, shifted, shiftedRanking);
        predict("w2-0", T0.plus(WINDOW.multipliedBy(2)).plus(GRACE).plusSeconds(30), 0.9);
        update();
        update();

        List<QualityReport> before = reports.readValuesToList();
        assertThat(before).as("no label has come").allSatisfy(report -> assertThat(report.getLabelled()).isZero());
        QualityReport window0 = reportsOf(before, 0).get(reportsOf(before, 0).size() - 1);
        QualityReport window1 = reportsOf(before, 1).get(reportsOf(before, 1).size() - 1);
        assertThat(window0.getEstimated().getComplete()).isTrue();
        assertThat(window1.getEstimated().getComplete()).isTrue();
        assertThat(window1.getEstimated().getPredictions()).isEqualTo(PER_WINDOW);
        assertThat(window1.getEstimated().getBaselineId()).isEqualTo("churn/v2/0123456789abcdef");

        CbpeModel model = new CbpeModel(fit, null);
        Map<EstimatedMetric, MetricEstimate> expected0 = model.estimate(steady[0], steadyRanking, metric -> Double.NaN);
        Map<EstimatedMetric, MetricEstimate> expected1 = model.estimate(shifted[0], shiftedRanking, metric -> Double.NaN);
        for (EstimatedMetric name : List.of(EstimatedMetric.ACCURACY, EstimatedMetric.PRECISION, EstimatedMetric.RECALL,
                EstimatedMetric.F1, EstimatedMetric.SPECIFICITY, EstimatedMetric.ROC_AUC, EstimatedMetric.AVERAGE_PRECISION)) {
            MetricEstimate one = expected1.get(name);
            EstimatedMetricReport reported = metric(window1.getEstimated(), name.metricName());
            assertThat(reported.getValue()).as("the stream's %s is the statistics' on the same rows", name).isEqualTo(one.value());
            assertThat(reported.getSamplingError()).as(name.metricName()).isEqualTo(one.samplingError());
            assertThat(reported.getLower()).as(name.metricName()).isEqualTo(one.band().lower());
            assertThat(metric(window0.getEstimated(), name.metricName()).getValue()).as(name.metricName())
                    .isEqualTo(expected0.get(name).value());
        }
        EstimatedMetricReport accuracy0 = metric(window0.getEstimated(), "accuracy");
        EstimatedMetricReport accuracy1 = metric(window1.getEstimated(), "accuracy");
        assertThat(accuracy0.getValue()).as("confident scores: about 0.75 expected right").isBetween(0.7, 0.8);
        assertThat(accuracy0.getAlert()).isFalse();
        assertThat(accuracy1.getValue()).as("scores near 0.5: about half expected right").isBetween(0.45, 0.6);
        assertThat(accuracy1.getAlert()).isTrue();
        assertThat(accuracy1.getValue()).isLessThan(accuracy1.getThresholdLower());

        List<RetrainingTrigger> fired = triggers.readValuesToList();
        assertThat(fired).extracting(RetrainingTrigger::getRule).containsExactly("estimated_quality");
        assertThat(fired.get(0).getWindows().get(0).getStart()).isEqualTo(T0.plus(WINDOW));
        List<AlertEvent> qualityAlerts = alerts.readValuesToList().stream().filter(a -> a.getKind() == AlertKind.QUALITY).toList();
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
            label("w1-" + i, window1Start.plus(Duration.ofMinutes(30)).plusSeconds(i), truth.get(i));
        }
        update();
        QualityReport labelled = reportsOf(reports.readValuesToList(), 1).stream()
                .filter(report -> report.getLabelled() == PER_WINDOW).findFirst().orElseThrow();
        double realized = labelled.getMetrics().get("accuracy");
        EstimatedMetricReport beside = metric(labelled.getEstimated(), "accuracy");
        assertThat(beside.getRealized()).as("realized beside the estimate").isEqualTo(realized);
        assertThat(beside.getValue()).as("the estimate does not move when labels come").isEqualTo(accuracy1.getValue());
        assertThat(realized).as("the labels confirm it: below the reference's lower threshold")
                .isLessThan(accuracy1.getThresholdLower());
        assertThat(triggers.readValuesToList()).as("one incident, one trigger").isEmpty();
    }

    @Test
    void aModelWhoseBaselineHasNoFitGetsNoEstimateAndPredictionsWithoutAScoreAreCountedNotEstimated() {
        for (int i = 0; i < 5; i++) {
            InferenceLog log = InferenceLog.newBuilder().setRequestId("n" + i).setModelName("churn").setModelVersion("v2")
                    .setEventTime(T0.plusSeconds(i)).setFeatures(Map.of("x", 1.0)).setPrediction("1").setClassScores(null).build();
            inferences.pipeInput(new TestRecord<>(null, RecordEncoders.json(log), T0));
        }
        predict("scored", T0.plusSeconds(9), 0.8);
        InferenceLog other = InferenceLog.newBuilder().setRequestId("o1").setModelName("churn").setModelVersion("v3")
                .setEventTime(T0.plusSeconds(3)).setFeatures(Map.of("x", 1.0)).setPrediction("1")
                .setClassScores(Map.of("1", 0.7)).build();
        inferences.pipeInput(new TestRecord<>(null, RecordEncoders.json(other), T0));
        update();

        List<QualityReport> all = reports.readValuesToList();
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
            predict("w0-" + i, T0.plusSeconds(i), 0.8);
        }
        update();
        driver.createInputTopic("driftwatch.baselines", Serdes.String().serializer(), Topics.BASELINES.valueSerde().serializer())
                .pipeInput("churn/v2", Baseline.newBuilder().setBaselineId("churn/v2/fedcba9876543210").setModelName("churn")
                        .setModelVersion("v2").setCreatedAt(T0).setSource("validation.csv").setRows(5_000)
                        .setContentHash("fedcba9876543210").setColumns(List.of()).build());
        reports.readValuesToList();
        for (int tick = 0; tick < 5; tick++) {
            predict("later-" + tick, T0.plus(WINDOW).plus(GRACE).plusSeconds(10 + tick), 0.8);
            update();
        }

        List<QualityReport> window0 = reportsOf(reports.readValuesToList(), 0);
        assertThat(window0).as("window 0 once, when its grace passed").hasSize(1);
        assertThat(window0.get(0).getEstimated()).as("no fit to estimate with any more").isNull();
    }
}
