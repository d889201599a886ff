package io.driftwatch.topology.quality;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.mapping.LabelMapping;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
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
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

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

/**
 * The estimate tests' model in a {@link TopologyTestDriver}: binary model churn v2, whose baseline carries a CBPE fit
 * of a calibrated validation set (label 1 with the score's probability, 10 chunks of 500), judged by the
 * estimated-quality rule on accuracy below the reference's band, on at least 100 predictions; ten-minute windows with
 * a minute of grace, labels up to two hours late, an update every second of wall clock.
 */
final class EstimatingModel implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final Duration GRACE = Duration.ofMinutes(1);
    static final String BASELINE_ID = "churn/v2/0123456789abcdef";

    final CbpeReference fit;
    final TopologyTestDriver driver;
    final TestOutputTopic<String, QualityReport> reports;
    final TestOutputTopic<String, RetrainingTrigger> triggers;
    final TestOutputTopic<String, AlertEvent> alerts;
    private final TestInputTopic<byte[], byte[]> inferences;
    private final TestInputTopic<byte[], byte[]> labels;

    /** @param random draws the validation set, so a test's later draws follow from the same seed */
    EstimatingModel(Path stateDirectory, MeterRegistry meters, Random random) {
        DriftwatchConfig config = new DriftwatchConfig(Map.of("bootstrap.servers", "unused:9092",
                DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, WINDOW.toMillis(),
                DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, GRACE.toMillis(),
                DriftwatchConfig.LABELS_MAX_DELAY_MS_CONFIG, Duration.ofHours(2).toMillis(),
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
        fit = calibratedFit(random);
        publishBaseline(Baseline.newBuilder().setBaselineId(BASELINE_ID).setModelName("churn").setModelVersion("v2")
                .setCreatedAt(T0).setSource("validation.csv").setRows(5_000).setContentHash("0123456789abcdef")
                .setColumns(List.of()).setPerformanceEstimation(BaselineEstimations.toRecord(fit)).build());
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

    private static CbpeReference calibratedFit(Random random) {
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

    void publishBaseline(Baseline baseline) {
        driver.createInputTopic("driftwatch.baselines", Serdes.String().serializer(), Topics.BASELINES.valueSerde().serializer())
                .pipeInput(baseline.getModelName() + "/" + baseline.getModelVersion(), baseline);
    }

    /** A prediction of class 1 when {@code score} is at least 0.5, logging the scores of both classes. */
    void predict(String requestId, Instant time, double score) {
        send(InferenceLog.newBuilder().setRequestId(requestId).setModelName("churn").setModelVersion("v2").setEventTime(time)
                .setFeatures(Map.of("x", 1.0)).setPrediction(score >= 0.5 ? "1" : "0")
                .setClassScores(Map.of("1", score, "0", 1 - score)).build());
    }

    void send(InferenceLog log) {
        inferences.pipeInput(new TestRecord<>(null, RecordEncoders.json(log), T0));
    }

    void label(String requestId, Instant time, String label) {
        label("churn", requestId, time, label);
    }

    void label(String model, String requestId, Instant time, String label) {
        FeedbackLabel feedback = FeedbackLabel.newBuilder().setRequestId(requestId).setModelName(model).setLabel(label)
                .setEventTime(time).build();
        labels.pipeInput(new TestRecord<>(null, RecordEncoders.json(feedback), T0));
    }

    /** Two update intervals of wall clock: the join sends its partial tallies, then the aggregator reports. */
    void update() {
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
    }

    static Instant windowStart(int window) {
        return T0.plus(WINDOW.multipliedBy(window));
    }

    static List<QualityReport> reportsOf(List<QualityReport> all, int window) {
        return all.stream().filter(report -> report.getWindowStart().equals(windowStart(window))).toList();
    }

    static EstimatedMetricReport metric(QualityReport report, String name) {
        return report.getEstimated().getMetrics().stream().filter(metric -> metric.getMetric().equals(name)).findFirst()
                .orElseThrow();
    }

    @Override
    public void close() {
        driver.close();
    }
}
