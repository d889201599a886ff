package io.driftwatch.topology.quality;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.mapping.LabelMapping;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.stats.estimate.CbpeReference;
import io.driftwatch.stats.estimate.ChunkOutcomes;
import io.driftwatch.stats.estimate.EstimatedMetric;
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
 * The estimate's gauges, set up as {@link EstimatedPerformanceTopologyTest} is (a binary model whose baseline carries a
 * CBPE fit): they hold the newest window's complete estimate, an incomplete one changes nothing, a label update of an
 * older window does not bring that window back, and a metric the newest estimate lacks reads NaN.
 */
class EstimatedQualityGaugesTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final Duration MAX_DELAY = Duration.ofHours(2);
    private static final int PER_WINDOW = 300;
    // Boxed, so that a gauge reading NaN equals it (Double.equals).
    private static final Double NO_THRESHOLD = Double.NaN;

    @TempDir
    Path stateDirectory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Random random = new Random(11);
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> inferences;
    private TestInputTopic<byte[], byte[]> labels;
    private TestOutputTopic<String, QualityReport> reports;

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
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "estimate-gauges-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        driver = new TopologyTestDriver(topology, properties, T0);
        inferences = driver.createInputTopic("inferences", Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        labels = driver.createInputTopic("labels", Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        reports = driver.createOutputTopic("driftwatch.quality-reports", Serdes.String().deserializer(),
                Topics.QUALITY_REPORTS.valueSerde().deserializer());
        driver.createInputTopic("driftwatch.baselines", Serdes.String().serializer(), Topics.BASELINES.valueSerde().serializer())
                .pipeInput("churn/v2", Baseline.newBuilder().setBaselineId("churn/v2/0123456789abcdef").setModelName("churn")
                        .setModelVersion("v2").setCreatedAt(T0).setSource("validation.csv").setRows(5_000)
                        .setContentHash("0123456789abcdef").setColumns(List.of())
                        .setPerformanceEstimation(BaselineEstimations.toRecord(referenceFit())).build());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

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

    private void update() {
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
    }

    /** Predictions of window {@code index} with scores drawn between {@code low} and {@code high}. */
    private void window(int index, double low, double high) {
        Instant start = T0.plus(WINDOW.multipliedBy(index));
        for (int i = 0; i < PER_WINDOW; i++) {
            predict("w" + index + "-" + i, start.plusSeconds(i), low + (high - low) * random.nextDouble());
        }
    }

    /** One prediction past window {@code index}'s grace: the predictions' clock completes its estimate. */
    private void completeWindow(int index) {
        predict("after-" + index, T0.plus(WINDOW.multipliedBy(index + 1L)).plus(GRACE).plusSeconds(30), 0.9);
    }

    private static QualityReport lastOf(List<QualityReport> all, int window) {
        Instant start = T0.plus(WINDOW.multipliedBy(window));
        List<QualityReport> ofWindow = all.stream().filter(report -> report.getWindowStart().equals(start)).toList();
        assertThat(ofWindow).as("reports of window %d", window).isNotEmpty();
        return ofWindow.get(ofWindow.size() - 1);
    }

    private static EstimatedMetricReport metric(QualityReport report, String name) {
        return report.getEstimated().getMetrics().stream().filter(metric -> metric.getMetric().equals(name)).findFirst().orElseThrow();
    }

    private Double gauge(String name, String... tags) {
        return meters.get(name).tags("model", "churn", "version", "v2").tags(tags).gauge().value();
    }

    private void assertGaugesShow(QualityReport report) {
        for (EstimatedMetricReport metric : report.getEstimated().getMetrics()) {
            String name = metric.getMetric();
            assertThat(gauge("driftwatch.quality.estimated", "metric", name)).as(name).isEqualTo(metric.getValue());
            assertThat(gauge("driftwatch.quality.estimated.lower", "metric", name)).as(name).isEqualTo(metric.getLower());
            assertThat(gauge("driftwatch.quality.estimated.upper", "metric", name)).as(name).isEqualTo(metric.getUpper());
            assertThat(gauge("driftwatch.quality.estimated.threshold.lower", "metric", name)).as(name)
                    .isEqualTo(metric.getThresholdLower() == null ? NO_THRESHOLD : metric.getThresholdLower());
            assertThat(gauge("driftwatch.quality.estimated.threshold.upper", "metric", name)).as(name)
                    .isEqualTo(metric.getThresholdUpper() == null ? NO_THRESHOLD : metric.getThresholdUpper());
            assertThat(gauge("driftwatch.quality.estimated.alert", "metric", name)).as(name).isEqualTo(metric.getAlert() ? 1.0 : 0.0);
        }
        assertThat(gauge("driftwatch.quality.estimated.predictions")).isEqualTo((double) report.getEstimated().getPredictions());
    }

    @Test
    void theGaugesHoldTheNewestCompleteEstimateAndAMetricItLacksReadsNaN() {
        window(0, 0, 1);
        update();
        assertThat(lastOf(reports.readValuesToList(), 0).getEstimated().getComplete()).as("the grace has not passed").isFalse();
        assertThat(meters.find("driftwatch.quality.estimated").gauge()).as("no gauge from an incomplete estimate").isNull();

        window(1, 0.4, 0.6);
        completeWindow(1);
        update();
        update();
        List<QualityReport> estimated = reports.readValuesToList();
        QualityReport window0 = lastOf(estimated, 0);
        QualityReport window1 = lastOf(estimated, 1);
        assertThat(window0.getEstimated().getComplete()).isTrue();
        assertThat(window1.getEstimated().getComplete()).isTrue();
        assertThat(metric(window1, "accuracy").getAlert()).as("scores near 0.5 alert").isTrue();
        assertThat(metric(window1, "accuracy").getValue()).isNotEqualTo(metric(window0, "accuracy").getValue());
        assertGaugesShow(window1);
        assertThat(gauge("driftwatch.quality.estimated.alert", "metric", "accuracy")).isEqualTo(1.0);
        assertThat(gauge("driftwatch.quality.estimated.predictions")).isEqualTo(PER_WINDOW);

        for (int i = 0; i < PER_WINDOW; i++) {
            label("w0-" + i, T0.plus(Duration.ofMinutes(30)).plusSeconds(i), "1");
        }
        update();
        QualityReport window0Labelled = lastOf(reports.readValuesToList(), 0);
        assertThat(window0Labelled.getLabelled()).as("window 0's labels came").isEqualTo(PER_WINDOW);
        assertThat(window0Labelled.getEstimated().getComplete()).as("its complete estimate comes again").isTrue();
        assertGaugesShow(window1);

        window(3, 0, 0.3);
        completeWindow(3);
        update();
        update();
        QualityReport window3 = lastOf(reports.readValuesToList(), 3);
        assertThat(window3.getEstimated().getComplete()).isTrue();
        assertThat(window3.getEstimated().getMetrics()).as("no predicted positive: no precision")
                .noneMatch(metric -> metric.getMetric().equals("precision"));
        assertThat(metric(window1, "precision").getValue()).as("window 1 had one").isFinite();
        assertGaugesShow(window3);
        for (String gauge : List.of("driftwatch.quality.estimated", "driftwatch.quality.estimated.lower",
                "driftwatch.quality.estimated.upper", "driftwatch.quality.estimated.threshold.lower",
                "driftwatch.quality.estimated.alert")) {
            assertThat(gauge(gauge, "metric", "precision")).as(gauge).isNaN();
        }
    }
}
