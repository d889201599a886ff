package io.driftwatch.topology.quality;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.mapping.LabelMapping;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertKind;
import io.driftwatch.schemas.record.AlertSeverity;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineQuality;
import io.driftwatch.schemas.record.ClassQuality;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.QualityDirection;
import io.driftwatch.schemas.record.QualityFinding;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.stats.quality.QualityMetric;
import io.driftwatch.stats.quality.QualityReference;
import io.driftwatch.stats.quality.QualityReference.ClassifiedRecord;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.DriftwatchTopology;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.policy.ConfigModelRules;
import io.driftwatch.topology.policy.ModelRules;
import io.driftwatch.topology.policy.ModelRulesSource;
import io.driftwatch.topology.trigger.QualityTriggerPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import static io.driftwatch.stats.quality.QualityReference.TOLERANCE;
import static io.driftwatch.stats.quality.QualityReference.classificationExpected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class QualityTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration MAX_DELAY = Duration.ofHours(1);
    private static final Instant WINDOW_0_FINAL = T0.plus(WINDOW).plus(MAX_DELAY).plus(Duration.ofMinutes(1));

    // The driver's state directory; its default, kafka-streams in the system's temporary directory, would stay behind.
    @TempDir
    Path stateDirectory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> inferences;
    private TestInputTopic<byte[], byte[]> labels;
    private TestOutputTopic<String, QualityReport> reports;
    private TestOutputTopic<String, RetrainingTrigger> triggers;
    private TestOutputTopic<String, AlertEvent> alerts;

    @BeforeEach
    void start() {
        start(Map.of());
    }

    private void start(Map<String, Object> overrides) {
        start(overrides, ConfigModelRules::new);
    }

    private void start(Map<String, Object> overrides, Function<DriftwatchConfig, ModelRulesSource> rules) {
        if (driver != null) {
            driver.close();
        }
        Map<String, Object> settings = new HashMap<>(Map.of("bootstrap.servers", "unused:9092",
                DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, WINDOW.toMillis(),
                DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, Duration.ofMinutes(1).toMillis(),
                DriftwatchConfig.LABELS_MAX_DELAY_MS_CONFIG, MAX_DELAY.toMillis(),
                DriftwatchConfig.QUALITY_UPDATE_INTERVAL_MS_CONFIG, 1_000L));
        settings.putAll(overrides);
        DriftwatchConfig config = new DriftwatchConfig(settings);
        var topology = DriftwatchTopology.build(config, new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT),
                new JsonDecoder<>(LabelMapping.canonical(), DecodeLimits.DEFAULT),
                (judgedBy, reference, current, thresholds, chosen) -> new ProfileComparator(judgedBy.withBaselineChoices(thresholds, chosen))
                        .compare(reference, current), rules.apply(config), 1, meters, Clock.systemUTC());
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "quality-test");
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
    }

    private List<AlertEvent> qualityAlerts() {
        return alerts.readValuesToList().stream().filter(alert -> alert.getKind() == AlertKind.QUALITY).toList();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void predict(String requestId, Instant time, Object prediction, @Nullable Map<String, Double> scores) {
        InferenceLog log = InferenceLog.newBuilder().setRequestId(requestId).setModelName("churn").setModelVersion("v2")
                .setEventTime(time).setFeatures(Map.of("x", 1.0)).setPrediction(prediction).setClassScores(scores).build();
        inferences.pipeInput(new TestRecord<>(null, RecordEncoders.json(log), T0));
    }

    private void label(String requestId, Instant time, Object label) {
        FeedbackLabel feedback = FeedbackLabel.newBuilder().setRequestId(requestId).setModelName("churn").setLabel(label)
                .setEventTime(time).build();
        labels.pipeInput(new TestRecord<>(null, RecordEncoders.json(feedback), T0));
    }

    /** Two update intervals of wall clock: the join sends its partial tallies, then the aggregator reports. */
    private void update() {
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
    }

    /**
     * A prediction and a label late enough in event time that window 0's label delay has run out on both inputs
     * (a prediction waits on the labels' clock, a window is complete when both clocks passed it), then an update.
     */
    private void passWindowZeroFinal() {
        bothInputsReach(WINDOW_0_FINAL.plusSeconds(60));
    }

    /** A prediction and a label at {@code time}, so both inputs' event time has got there, then an update. */
    private void bothInputsReach(Instant time) {
        predict("closer-" + time, time, "a", null);
        label("closer-label-" + time, time, "a");
        update();
        update();
    }

    private List<QualityReport> windowZeroReports() {
        return reports.readValuesToList().stream().filter(r -> r.getWindowStart().equals(T0)).toList();
    }

    private QualityReport finalWindowZero() {
        List<QualityReport> finals = windowZeroReports().stream().filter(QualityReport::getIsFinal).toList();
        assertThat(finals).as("exactly one final report of window 0").hasSize(1);
        return finals.get(0);
    }

    private double counter(String name, String outcome) {
        var counter = outcome == null ? meters.find(name).counter() : meters.find(name).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void metricsOfAWindowMatchTheReferenceWithLabelsBeforeAndAfterTheirPredictionsInShuffledEventTime() {
        List<ClassifiedRecord> records = QualityReference.classification();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(5));
        for (int i : order) {
            ClassifiedRecord record = records.get(i);
            Instant predictedAt = T0.plusMillis(i * 1_000L);
            Instant labelledAt = predictedAt.plus(Duration.ofMinutes(i % 50));
            if (i % 4 == 0) {
                label("r" + i, labelledAt, record.actual());
                predict("r" + i, predictedAt, record.predicted(), record.scores());
            } else {
                predict("r" + i, predictedAt, record.predicted(), record.scores());
                label("r" + i, labelledAt, record.actual());
            }
        }
        update();
        QualityReport update = windowZeroReports().get(0);
        assertThat(update.getIsFinal()).isFalse();
        assertThat(update.getLabelled()).isEqualTo(400);

        passWindowZeroFinal();
        QualityReport report = finalWindowZero();
        assertThat(report.getPredictions()).isEqualTo(400);
        assertThat(report.getLabelled()).isEqualTo(400);
        assertThat(report.getLabelCoverage()).isEqualTo(1.0);
        for (String metric : List.of("accuracy", "macro_precision", "macro_recall", "macro_f1", "roc_auc", "log_loss")) {
            assertThat(report.getMetrics().get(metric)).as(metric).isCloseTo(classificationExpected(metric).asDouble(), within(TOLERANCE));
        }
        for (ClassQuality quality : report.getPerClass()) {
            assertThat(quality.getF1()).as(quality.getLabel())
                    .isCloseTo(classificationExpected("per_class", quality.getLabel(), "f1").asDouble(), within(TOLERANCE));
        }
        assertThat(report.getLabelDelayQuantilesMillis().get("max")).isEqualTo((double) Duration.ofMinutes(49).toMillis());
    }

    @Test
    void aLabelAfterTheDriftWindowClosedStillCountsForItsPredictionsWindow() {
        predict("r1", T0.plusSeconds(10), "yes", null);
        predict("r2", T0.plus(WINDOW.multipliedBy(4)), "no", null);
        label("r1", T0.plus(WINDOW.multipliedBy(4)).plusSeconds(5), "yes");
        passWindowZeroFinal();

        QualityReport report = finalWindowZero();
        assertThat(report.getPredictions()).isEqualTo(1);
        assertThat(report.getLabelled()).isEqualTo(1);
        assertThat(report.getMetrics().get("accuracy")).isEqualTo(1.0);
        assertThat(report.getLabelDelayQuantilesMillis().get("p50"))
                .isEqualTo((double) WINDOW.multipliedBy(4).plusSeconds(5).minusSeconds(10).toMillis());
    }

    @Test
    void aDuplicateLabelIsCountedOnce() {
        predict("r1", T0.plusSeconds(10), "yes", null);
        label("r1", T0.plusSeconds(20), "yes");
        label("r1", T0.plusSeconds(30), "no");
        passWindowZeroFinal();

        QualityReport report = finalWindowZero();
        assertThat(report.getLabelled()).isEqualTo(1);
        assertThat(report.getDuplicateLabels()).isEqualTo(1);
        assertThat(report.getMetrics().get("accuracy")).isEqualTo(1.0);
        assertThat(counter("driftwatch.quality.labels", "duplicate")).isEqualTo(1);
    }

    @Test
    void aLabelWithoutAPredictionIsCountedUnmatchedAndAPredictionWithoutALabelUnlabelled() {
        predict("r1", T0.plusSeconds(10), "yes", null);
        predict("r2", T0.plusSeconds(20), "no", null);
        label("r2", T0.plusSeconds(40), "no");
        label("orphan", T0.plusSeconds(30), "yes");
        passWindowZeroFinal();

        QualityReport report = finalWindowZero();
        assertThat(report.getPredictions()).isEqualTo(2);
        assertThat(report.getLabelled()).isEqualTo(1);
        assertThat(report.getUnlabelled()).isEqualTo(1);
        assertThat(report.getUnmatchedLabels()).isEqualTo(1);
        assertThat(report.getLabelCoverage()).isEqualTo(0.5);
        assertThat(counter("driftwatch.quality.labels", "unmatched")).isEqualTo(1);
        assertThat(meters.find("driftwatch.quality.predictions.unlabelled").counter().count()).isEqualTo(1);
    }

    @Test
    void aReplayThatSendsEveryPredictionBeforeAnyLabelJoinsThemAllAsLiveTrafficWould() {
        for (int i = 0; i < 30; i++) {
            predict("h" + i, T0.plus(Duration.ofMinutes(i * 5L)), i % 3 == 0 ? "no" : "yes", null);
        }
        for (int i = 0; i < 30; i++) {
            label("h" + i, T0.plus(Duration.ofMinutes(i * 5L)).plusSeconds(90), "yes");
        }
        passWindowZeroFinal();

        QualityReport report = finalWindowZero();
        assertThat(report.getPredictions()).isEqualTo(2);
        assertThat(report.getLabelled()).as("labels read after two and a half hours of predictions still join").isEqualTo(2);
        assertThat(report.getUnlabelled()).isZero();
        assertThat(report.getUnmatchedLabels()).isZero();
        assertThat(counter("driftwatch.quality.labels", "joined")).as("every label of the replay").isEqualTo(30);
    }

    @Test
    void predictionsReadBeforeAnyLabelLeaveTheirWindowOpen() {
        predict("r1", T0.plusSeconds(10), "yes", null);
        predict("r2", T0.plus(MAX_DELAY.multipliedBy(2)), "no", null);
        update();
        update();

        assertThat(windowZeroReports()).as("no label read yet: window 0 may still get every one of its labels")
                .isNotEmpty().noneMatch(QualityReport::getIsFinal);
        assertThat(meters.find("driftwatch.quality.predictions.unlabelled").counter()).isNull();
    }

    @Test
    void whenLabelsStopComingTheLabelsClockCatchesUpSoPredictionsStillExpireAsUnlabelled() {
        predict("r1", T0.plusSeconds(10), "yes", null);
        driver.advanceWallClockTime(Duration.ofMinutes(16));
        predict("r2", T0.plus(MAX_DELAY.multipliedBy(2)), "no", null);
        update();

        assertThat(meters.find("driftwatch.quality.predictions.unlabelled").counter().count())
                .as("no label for longer than the idle close: r1 is past its delay by the predictions' clock").isEqualTo(1);
        assertThat(windowZeroReports()).filteredOn(QualityReport::getIsFinal).singleElement()
                .satisfies(report -> assertThat(report.getUnlabelled()).isEqualTo(1));
    }

    @Test
    void inEndModeAReplaysLastWindowIsFinalOnceItsInputsGoQuietWithoutWaitingOutTheLabelDelay() {
        start(Map.of(DriftwatchConfig.WINDOW_IDLE_CLOSE_MS_CONFIG, Duration.ofMinutes(1).toMillis(),
                DriftwatchConfig.WINDOW_IDLE_CLOSE_MODE_CONFIG, "end"));
        predict("r1", T0.plusSeconds(10), "yes", null);
        predict("r2", T0.plusSeconds(20), "no", null);
        label("r1", T0.plusSeconds(50), "yes");
        update();
        assertThat(windowZeroReports()).noneMatch(QualityReport::getIsFinal);

        driver.advanceWallClockTime(Duration.ofMinutes(2));
        update();

        QualityReport report = finalWindowZero();
        assertThat(report.getLabelled()).isEqualTo(1);
        assertThat(report.getUnlabelled()).as("r2's label did not come before the input ended").isEqualTo(1);
    }

    @Test
    void aLabelLaterThanTheMaximumDelayDoesNotJoin() {
        predict("r1", T0.plusSeconds(10), "yes", null);
        predict("r2", T0.plus(MAX_DELAY).plusSeconds(20), "no", null);
        label("r1", T0.plus(MAX_DELAY).plusSeconds(30), "yes");
        passWindowZeroFinal();

        QualityReport report = finalWindowZero();
        assertThat(report.getLabelled()).isZero();
        assertThat(report.getUnlabelled()).isEqualTo(1);
        assertThat(counter("driftwatch.quality.labels", "unmatched")).as("the label still waits for a prediction").isZero();

        predict("r3", T0.plus(MAX_DELAY.multipliedBy(3)), "no", null);
        update();
        assertThat(counter("driftwatch.quality.labels", "unmatched")).as("r1's label, and the label that closed window 0")
                .isEqualTo(2);
        assertThat(counter("driftwatch.quality.labels", "joined")).isZero();
    }

    @Test
    void accuracyBelowTheThresholdTriggersOnceForThatWindowOnly() {
        start(Map.of(DriftwatchConfig.TRIGGER_QUALITY_THRESHOLD_CONFIG, "0.8",
                DriftwatchConfig.TRIGGER_QUALITY_MIN_LABELS_CONFIG, "20"));
        for (int window = 0; window < 2; window++) {
            for (int i = 0; i < 40; i++) {
                Instant time = T0.plus(WINDOW.multipliedBy(window)).plusSeconds(i * 10L);
                String id = "w" + window + "-" + i;
                predict(id, time, "yes", null);
                boolean wrong = window == 1 && i % 2 == 0;
                label(id, time.plusSeconds(30), wrong ? "no" : "yes");
            }
            update();
        }
        label("w1-0", T0.plus(WINDOW).plusSeconds(90), "no");
        update();
        bothInputsReach(T0.plus(WINDOW.multipliedBy(2)).plus(MAX_DELAY).plus(Duration.ofMinutes(2)));

        List<RetrainingTrigger> fired = triggers.readValuesToList();
        assertThat(fired).hasSize(1);
        RetrainingTrigger trigger = fired.get(0);
        assertThat(trigger.getRule()).isEqualTo("quality_threshold");
        assertThat(trigger.getWindows().get(0).getStart()).isEqualTo(T0.plus(WINDOW));
        assertThat(trigger.getEvidence().get(0).getStatistic()).isEqualTo(0.5);
        List<QualityReport> finals = reports.readValuesToList().stream().filter(QualityReport::getIsFinal).toList();
        assertThat(finals).extracting(r -> r.getMetrics().get("accuracy")).containsExactly(1.0, 0.5);
        assertThat(finals.get(1).getPreviousWindowMetrics().get("accuracy")).isEqualTo(1.0);
        assertThat(meters.get("driftwatch.triggers.emitted").tags("model", "churn", "version", "v2", "rule", "quality_threshold")
                .counter().count()).as("the trigger on the dashboard's trigger series").isEqualTo(1.0);

        List<AlertEvent> qualityAlerts = qualityAlerts();
        assertThat(qualityAlerts).as("one alert for people, with the trigger").hasSize(1);
        AlertEvent alert = qualityAlerts.get(0);
        assertThat(alert.getSeverity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(alert.getTriggerId()).isEqualTo(trigger.getTriggerId());
        assertThat(alert.getWindowStart()).isEqualTo(T0.plus(WINDOW));
        assertThat(alert.getTitle()).isEqualTo("churn v2: quality below its threshold (accuracy); retraining triggered");
        QualityFinding finding = alert.getQuality();
        assertThat(finding.getMetric()).isEqualTo("accuracy");
        assertThat(finding.getBetter()).isEqualTo(QualityDirection.HIGHER);
        assertThat(finding.getValue()).as("20 of 40 labelled predictions right").isEqualTo(0.5);
        assertThat(finding.getLabelled()).isEqualTo(40);
        assertThat(finding.getRule()).isEqualTo("quality_threshold");
        assertThat(finding.getLimit()).isEqualTo(0.8);
        assertThat(finding.getWorseBy()).isCloseTo(0.3, within(1e-12));
        assertThat(finding.getReference()).as("no baseline quality published").isNull();
        assertThat(finding.getReferenceBasis()).isNull();
        assertThat(meters.get("driftwatch.alert.events.emitted").tags("model", "churn", "version", "v2", "kind", "quality")
                .counter().count()).isEqualTo(1.0);
    }

    /** The quality rule of the policy {@code churn/*} when it is published: accuracy below 0.8 on 20 labels. */
    private static ModelRulesSource churnQualityPolicy(DriftwatchConfig config) {
        ModelRules defaults = new ConfigModelRules(config).defaults();
        return new ModelRulesSource() {
            @Override
            public void check(String key, String text) {
                assertThat(key).isEqualTo("churn/*");
            }

            @Override
            public ModelRules resolve(String model, String version, Map<String, String> acceptedPolicies) {
                return acceptedPolicies.containsKey(model + "/*") ? new ModelRules("churn-accuracy", defaults.comparison(),
                        defaults.triggers(), new QualityTriggerPolicy(QualityMetric.of("accuracy"), OptionalDouble.of(0.8),
                        OptionalDouble.empty(), 20, Duration.ofHours(6)), defaults.estimated(), defaults.outcome(), Set.of(), defaults.window(), Set.of())
                        : defaults;
            }
        };
    }

    @Test
    void aModelsPolicyGivesItAQualityRuleTheSettingsDoNotHave() {
        start(Map.of(), QualityTopologyTest::churnQualityPolicy);
        driver.createInputTopic("driftwatch.policies", Serdes.String().serializer(), Serdes.String().serializer())
                .pipeInput("churn/*", "quality: {metric: accuracy, worse_than: 0.8, min_labels: 20}");
        for (int window = 0; window < 2; window++) {
            for (int i = 0; i < 40; i++) {
                Instant time = T0.plus(WINDOW.multipliedBy(window)).plusSeconds(i * 10L);
                String id = "w" + window + "-" + i;
                predict(id, time, "yes", null);
                label(id, time.plusSeconds(30), window == 1 && i % 2 == 0 ? "no" : "yes");
            }
            update();
        }
        bothInputsReach(T0.plus(WINDOW.multipliedBy(2)).plus(MAX_DELAY).plus(Duration.ofMinutes(2)));

        List<RetrainingTrigger> fired = triggers.readValuesToList();
        assertThat(fired).extracting(RetrainingTrigger::getRule, RetrainingTrigger::getPolicyId)
                .containsExactly(tuple("quality_threshold", "churn-accuracy"));
        assertThat(fired.get(0).getWindows().get(0).getStart()).isEqualTo(T0.plus(WINDOW));
        assertThat(reports.readValuesToList()).isNotEmpty().extracting(QualityReport::getPolicyId).containsOnly("churn-accuracy");
        assertThat(qualityAlerts()).extracting(AlertEvent::getPolicyId).containsExactly("churn-accuracy");
    }

    private static Baseline baselineWithAccuracy(double accuracy) {
        return Baseline.newBuilder().setBaselineId("churn/v2/0123456789abcdef").setModelName("churn").setModelVersion("v2")
                .setCreatedAt(T0).setSource("validation.csv").setRows(500).setContentHash("0123456789abcdef").setCalibration(null)
                .setColumns(List.of()).setQuality(new BaselineQuality(500L, Map.of("accuracy", accuracy))).build();
    }

    @Test
    void accuracyDroppingFromTheBaselineByMoreThanAllowedTriggersWithAnAlertNamingBothValues() {
        start(Map.of(DriftwatchConfig.TRIGGER_QUALITY_MAX_DROP_CONFIG, "0.05",
                DriftwatchConfig.TRIGGER_QUALITY_MIN_LABELS_CONFIG, "20"));
        driver.createInputTopic("driftwatch.baselines", Serdes.String().serializer(),
                Topics.BASELINES.valueSerde().serializer()).pipeInput("churn/v2", baselineWithAccuracy(0.95));
        for (int i = 0; i < 40; i++) {
            Instant time = T0.plusSeconds(i * 10L);
            predict("r" + i, time, "yes", null);
            label("r" + i, time.plusSeconds(30), i % 5 == 0 ? "no" : "yes");
        }
        update();

        List<RetrainingTrigger> fired = triggers.readValuesToList().stream().filter(t -> t.getRule().equals("quality_drop")).toList();
        assertThat(fired).hasSize(1);
        List<AlertEvent> qualityAlerts = qualityAlerts();
        assertThat(qualityAlerts).hasSize(1);
        AlertEvent alert = qualityAlerts.get(0);
        assertThat(alert.getTriggerId()).isEqualTo(fired.get(0).getTriggerId());
        assertThat(alert.getTitle()).isEqualTo("churn v2: quality dropped against the baseline (accuracy); retraining triggered");
        QualityFinding finding = alert.getQuality();
        assertThat(finding.getRule()).isEqualTo("quality_drop");
        assertThat(finding.getValue()).as("32 of 40 right").isEqualTo(0.8);
        assertThat(finding.getReference()).as("the baseline's accuracy on its validation set").isEqualTo(0.95);
        assertThat(finding.getReferenceBasis()).isEqualTo("BASELINE");
        assertThat(finding.getLimit()).isEqualTo(0.05);
        assertThat(finding.getWorseBy()).isCloseTo(0.15, within(1e-12));
    }

    private double gauge(String name, String... tags) {
        return meters.get(name).tags("model", "churn", "version", "v2").tags(tags).gauge().value();
    }

    @Test
    void theGaugesHoldTheLastFinalWindowAndAMetricItLacksReadsNaN() {
        Map<String, Double> scores = Map.of("yes", 0.9, "no", 0.1);
        for (int i = 0; i < 4; i++) {
            predict("w0-" + i, T0.plusSeconds(i), "yes", scores);
            label("w0-" + i, T0.plusSeconds(30 + i), i == 3 ? "no" : "yes");
        }
        predict("w0-unlabelled", T0.plusSeconds(9), "yes", scores);
        // Window 1 has no class scores, so no roc_auc: its final report must not leave window 0's standing.
        Instant window1 = T0.plus(WINDOW);
        predict("w1-0", window1.plusSeconds(1), "no", null);
        label("w1-0", window1.plusSeconds(20), "no");
        update();
        assertThat(reports.readValuesToList()).as("interim reports of both windows").hasSize(2);
        assertThat(meters.find("driftwatch.quality.metric").gauge()).as("no gauge from an interim report").isNull();

        passWindowZeroFinal();
        QualityReport window0 = finalWindowZero();
        assertThat(gauge("driftwatch.quality.metric", "metric", "accuracy")).isEqualTo(window0.getMetrics().get("accuracy")).isEqualTo(0.75);
        assertThat(gauge("driftwatch.quality.metric", "metric", "roc_auc")).isEqualTo(window0.getMetrics().get("roc_auc"));
        assertThat(gauge("driftwatch.quality.labelled")).isEqualTo(4.0);
        assertThat(gauge("driftwatch.quality.label.coverage")).isEqualTo(window0.getLabelCoverage()).isEqualTo(0.8);
        assertThat(gauge("driftwatch.quality.window.end")).isEqualTo((double) T0.plus(WINDOW).getEpochSecond());

        bothInputsReach(window1.plus(WINDOW).plus(MAX_DELAY).plus(Duration.ofMinutes(2)));
        QualityReport window1Final = reports.readValuesToList().stream()
                .filter(r -> r.getIsFinal() && r.getWindowStart().equals(window1)).findFirst().orElseThrow();
        assertThat(window1Final.getMetrics()).containsEntry("accuracy", 1.0).doesNotContainKey("roc_auc");
        assertThat(gauge("driftwatch.quality.metric", "metric", "accuracy")).isEqualTo(1.0);
        assertThat(gauge("driftwatch.quality.metric", "metric", "roc_auc")).isNaN();
        assertThat(gauge("driftwatch.quality.window.end")).isEqualTo((double) window1.plus(WINDOW).getEpochSecond());
        assertThat(meters.find("driftwatch.quality.baseline").gauge()).as("no baseline quality published").isNull();
    }

    @Test
    void aRecallRuleOnABinaryModelTriggersAndTheReportAndGaugesCarryThePositiveClassFigures() {
        start(Map.of(DriftwatchConfig.TRIGGER_QUALITY_METRIC_CONFIG, "recall",
                DriftwatchConfig.TRIGGER_QUALITY_THRESHOLD_CONFIG, "0.8",
                DriftwatchConfig.TRIGGER_QUALITY_MIN_LABELS_CONFIG, "20"));
        // 20 positives (even i), of which the model finds every other one (i % 4 == 0), and no false alarm:
        // tp 10, fn 10, fp 0, tn 20; recall 10/20, precision 10/10, specificity 20/20.
        for (int i = 0; i < 40; i++) {
            predict("b" + i, T0.plusSeconds(i * 10L), i % 4 == 0 ? 1.0 : 0.0, null);
            label("b" + i, T0.plusSeconds(i * 10L + 30), i % 2 == 0 ? 1.0 : 0.0);
        }
        update();
        passWindowZeroFinal();

        QualityReport report = finalWindowZero();
        assertThat(report.getMetrics()).containsEntry("recall", 0.5).containsEntry("precision", 1.0)
                .containsEntry("specificity", 1.0).containsEntry("balanced_accuracy", 0.75);
        assertThat(report.getBinary().getPositiveClass()).isEqualTo("1");
        assertThat(List.of(report.getBinary().getTruePositives(), report.getBinary().getFalsePositives(),
                report.getBinary().getFalseNegatives(), report.getBinary().getTrueNegatives())).containsExactly(10L, 0L, 10L, 20L);
        List<RetrainingTrigger> fired = triggers.readValuesToList();
        assertThat(fired).extracting(RetrainingTrigger::getRule).containsExactly("quality_threshold");
        assertThat(fired.get(0).getEvidence().get(0).getStatistic()).isEqualTo(0.5);
        assertThat(qualityAlerts().get(0).getTitle()).isEqualTo("churn v2: quality below its threshold (recall); retraining triggered");
        assertThat(gauge("driftwatch.quality.metric", "metric", "recall")).isEqualTo(0.5);
        assertThat(gauge("driftwatch.quality.metric", "metric", "specificity")).isEqualTo(1.0);
    }

    // A binary model's probability of class 1 for six requests, and their labels. By hand, as scikit-learn defines
    // them: p >= 0.5 predicts 1, 0, 0, 1, 0, 1, so 4 of 6 are right; positives 0.9, 0.4, 0.8 against negatives
    // 0.4, 0.1, 0.65 win 7.5 of 9 pairs (0.4 against 0.4 is half); the log loss takes p for a 1 and 1 - p for a 0.
    private static final double[] PROBABILITIES = {0.9, 0.4, 0.4, 0.8, 0.1, 0.65};
    private static final double[] LABELS = {1, 0, 1, 1, 0, 0};
    private static final double BINARY_ROC_AUC = 7.5 / 9;
    private static final double BINARY_LOG_LOSS = -(Math.log(0.9) + Math.log(0.6) + Math.log(0.4) + Math.log(0.8)
            + Math.log(0.9) + Math.log(0.35)) / 6;

    @Test
    void aBinaryModelLoggingOnlyItsProbabilityAsThePredictionIsScoredAsAClassifierWithRocAuc() {
        for (int i = 0; i < LABELS.length; i++) {
            predict("p" + i, T0.plusSeconds(i), PROBABILITIES[i], null);
            label("p" + i, T0.plusSeconds(30 + i), LABELS[i]);
        }
        passWindowZeroFinal();

        QualityReport report = finalWindowZero();
        assertThat(report.getTask()).isEqualTo(io.driftwatch.schemas.record.ModelTask.CLASSIFICATION);
        assertThat(report.getMetrics().get("accuracy")).isCloseTo(4 / 6.0, within(TOLERANCE));
        assertThat(report.getMetrics().get("roc_auc")).isCloseTo(BINARY_ROC_AUC, within(TOLERANCE));
        assertThat(report.getMetrics().get("log_loss")).isCloseTo(BINARY_LOG_LOSS, within(TOLERANCE));
        assertThat(report.getMetrics()).doesNotContainKeys("mae", "mape");
        assertThat(report.getPerClass()).extracting(ClassQuality::getLabel).containsExactly("0", "1");
    }

    @Test
    void aClassPredictionWithOneClassScoreIsScoredWithThatScoreAsThePositiveClassesProbability() {
        for (int i = 0; i < LABELS.length; i++) {
            predict("s" + i, T0.plusSeconds(i), PROBABILITIES[i] >= 0.5 ? 1.0 : 0.0, Map.of("1", PROBABILITIES[i]));
            label("s" + i, T0.plusSeconds(30 + i), LABELS[i]);
        }
        passWindowZeroFinal();

        QualityReport report = finalWindowZero();
        assertThat(report.getMetrics().get("roc_auc")).isCloseTo(BINARY_ROC_AUC, within(TOLERANCE));
        assertThat(report.getMetrics().get("log_loss")).isCloseTo(BINARY_LOG_LOSS, within(TOLERANCE));
    }

    @Test
    void whenTheSettingsSayRegressionNumbersAreScoredAsQuantitiesEvenWithClassScoresLogged() {
        start(Map.of(DriftwatchConfig.QUALITY_TASK_CONFIG, "regression"));
        for (int i = 0; i < LABELS.length; i++) {
            predict("q" + i, T0.plusSeconds(i), PROBABILITIES[i], Map.of("1", PROBABILITIES[i]));
            label("q" + i, T0.plusSeconds(30 + i), LABELS[i]);
        }
        passWindowZeroFinal();

        QualityReport report = finalWindowZero();
        assertThat(report.getTask()).isEqualTo(io.driftwatch.schemas.record.ModelTask.REGRESSION);
        // |p - y|: 0.1, 0.4, 0.6, 0.2, 0.1, 0.65.
        assertThat(report.getMetrics().get("mae")).isCloseTo((0.1 + 0.4 + 0.6 + 0.2 + 0.1 + 0.65) / 6, within(TOLERANCE));
        assertThat(report.getMetrics()).doesNotContainKey("roc_auc");
    }

    @Test
    void aPositiveClassOutsideZeroOneAndTrueFalseIsRefusedAtStartUpNamingTheKey() {
        assertThatThrownBy(() -> new DriftwatchConfig(Map.of("bootstrap.servers", "unused:9092",
                DriftwatchConfig.QUALITY_POSITIVE_CLASS_CONFIG, "fraud")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("driftwatch.quality.positive.class").hasMessageContaining("must be empty, 0, 1, true or false");
    }

    /** Wall-clock time passing without a record, in steps of a minute so the punctuations run all along. */
    private void quietFor(Duration quiet) {
        for (long minute = 0; minute < quiet.toMinutes(); minute++) {
            driver.advanceWallClockTime(Duration.ofMinutes(1));
        }
    }

    @Test
    void whenTrafficStopsTheIdleCloseExpiresTheLastPredictionsAndMakesTheirWindowFinal() {
        start(Map.of(DriftwatchConfig.WINDOW_IDLE_CLOSE_MS_CONFIG, Duration.ofMinutes(15).toMillis()));
        predict("r1", T0.plusSeconds(10), "yes", null);
        predict("r2", T0.plusSeconds(20), "no", null);
        label("r2", T0.plusSeconds(40), "no");
        Duration untilFinal = Duration.between(T0, WINDOW_0_FINAL);
        quietFor(untilFinal.minusMinutes(2));
        assertThat(windowZeroReports()).as("reports before the window is due").noneMatch(QualityReport::getIsFinal);

        quietFor(Duration.ofMinutes(4));
        QualityReport report = finalWindowZero();
        assertThat(report.getPredictions()).isEqualTo(2);
        assertThat(report.getLabelled()).isEqualTo(1);
        assertThat(report.getUnlabelled()).as("r1's label did not come within the maximum delay").isEqualTo(1);
        assertThat(meters.find("driftwatch.quality.predictions.unlabelled").counter().count()).isEqualTo(1);
    }

    @Test
    void withoutTheIdleCloseTheLastWindowWaitsForTheNextRecord() {
        start(Map.of(DriftwatchConfig.WINDOW_IDLE_CLOSE_MS_CONFIG, 0L));
        predict("r1", T0.plusSeconds(10), "yes", null);
        label("r1", T0.plusSeconds(40), "yes");
        quietFor(Duration.between(T0, WINDOW_0_FINAL).plusMinutes(10));
        assertThat(windowZeroReports()).as("interim reports only").isNotEmpty().noneMatch(QualityReport::getIsFinal);

        passWindowZeroFinal();
        assertThat(finalWindowZero().getLabelled()).isEqualTo(1);
    }
}
