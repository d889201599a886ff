package io.driftwatch.topology.drift;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.mapping.LabelMapping;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertFinding;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineColumn;
import io.driftwatch.schemas.record.BaselineQuality;
import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.FeatureRanking;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RankedFeature;
import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.profile.ProfileCodec;
import io.driftwatch.stats.rank.PearsonCorrelation;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.DriftwatchTopology;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.policy.PolicyModelRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The stream ranks a window's features by how many of its model's last windows each drifted in, and the alert lists
 * the drifted features in that order: here the feature that has drifted for three windows comes before the one that
 * drifted harder, but only now.
 */
class FeatureRankingTopologyTest {
    private static final Instant T0 = Instant.parse("2026-12-02T00:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    @TempDir
    Path stateDirectory;

    private final Random random = new Random(3);
    private int nextId;

    private TopologyTestDriver driver() {
        return driver(false);
    }

    /** @param withLabels whether the labels topic is read, so that quality is measured */
    private TopologyTestDriver driver(boolean withLabels) {
        DriftwatchConfig config = new DriftwatchConfig(Map.of("bootstrap.servers", "unused:9092",
                DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, WINDOW.toMillis(), DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, 0L,
                DriftwatchConfig.WINDOW_MIN_RECORDS_CONFIG, 50L,
                DriftwatchConfig.QUALITY_UPDATE_INTERVAL_MS_CONFIG, 1_000L));
        var topology = DriftwatchTopology.build(config, new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT),
                withLabels ? new JsonDecoder<>(LabelMapping.canonical(), DecodeLimits.DEFAULT) : null,
                (judgedBy, reference, current, thresholds, chosen) ->
                        new ProfileComparator(judgedBy.withBaselineChoices(thresholds, chosen)).compare(reference, current),
                new PolicyModelRules(config), 1, new SimpleMeterRegistry(), Clock.systemUTC());
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "ranking-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        return new TopologyTestDriver(topology, properties, T0);
    }

    /** 300 inferences of model {@code model}: tenure shifted by {@code tenureShift}, channel all "branch" when asked. */
    private void window(TestInputTopic<byte[], byte[]> input, String model, int window, double tenureShift,
                        boolean channelCollapses) {
        for (int i = 0; i < 300; i++) {
            Instant time = T0.plus(WINDOW.multipliedBy(window)).plusSeconds(i);
            Map<String, Object> features = Map.of("tenure", 24 + tenureShift + random.nextGaussian() * 6,
                    "channel", channelCollapses ? "branch" : List.of("web", "app", "branch").get(random.nextInt(3)),
                    "balance", 1_000 + random.nextGaussian() * 100);
            InferenceLog log = InferenceLog.newBuilder().setRequestId("r" + nextId++).setModelName(model).setModelVersion("v1")
                    .setEventTime(time).setFeatures(features).setPrediction(0.5).build();
            input.pipeInput(new TestRecord<>(null, RecordEncoders.json(log), time));
        }
    }

    private Baseline baseline(String model) {
        double[] tenure = new double[3_000];
        double[] balance = new double[3_000];
        List<String> channel = new ArrayList<>();
        for (int i = 0; i < tenure.length; i++) {
            tenure[i] = 24 + random.nextGaussian() * 6;
            balance[i] = 1_000 + random.nextGaussian() * 100;
            channel.add(List.of("web", "app", "branch").get(random.nextInt(3)));
        }
        return Baseline.newBuilder().setBaselineId(model + "/v1/00000000000000bb").setModelName(model).setModelVersion("v1")
                .setCreatedAt(T0).setSource("training.csv").setRows(tenure.length).setContentHash("bb")
                .setColumns(List.of(column("tenure", NumericProfile.of(NumericProfileConfig.defaults(), tenure)),
                        column("balance", NumericProfile.of(NumericProfileConfig.defaults(), balance)),
                        column("channel", CategoricalProfile.of(CategoricalProfileConfig.defaults(), channel)),
                        column("__prediction__", NumericProfile.of(NumericProfileConfig.defaults(),
                                new double[] {0.5, 0.5, 0.5}))))
                .build();
    }

    private static BaselineColumn column(String name, ColumnProfile profile) {
        boolean numeric = profile instanceof NumericProfile;
        return BaselineColumn.newBuilder().setName(name).setColumnType(numeric ? ColumnKind.NUMERIC : ColumnKind.CATEGORICAL)
                .setCount(profile.recordCount()).setMissing(0).setMissingRate(0)
                .setProfile(ByteBuffer.wrap(ProfileCodec.toBytes(profile))).setMin(null).setMax(null).setDistinctCount(0)
                .setDomain(List.of()).setDomainTruncated(false).setDefaultTest(null).setComparedAsCategories(false)
                .setThresholds(Map.of()).setNotCalibrated(Map.of()).build();
    }

    private record Outputs(List<DriftReport> reports, List<AlertEvent> alerts) {
    }

    private Outputs run(String model, String policy) {
        try (TopologyTestDriver driver = driver()) {
            driver.createInputTopic("driftwatch.baselines", Serdes.String().serializer(),
                    Topics.BASELINES.valueSerde().serializer()).pipeInput(model + "/v1", baseline(model));
            if (!policy.isEmpty()) {
                driver.createInputTopic("driftwatch.policies", Serdes.String().serializer(), Serdes.String().serializer())
                        .pipeInput(model + "/*", policy);
            }
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic("inferences", Serdes.ByteArray().serializer(),
                    Serdes.ByteArray().serializer());
            window(input, model, 0, 0, false);
            window(input, model, 1, 0, false);
            window(input, model, 2, 2.5, false);
            window(input, model, 3, 2.5, false);
            window(input, model, 4, 2.5, true);
            window(input, model, 6, 0, false);
            return new Outputs(driver.createOutputTopic("driftwatch.drift-reports", Serdes.String().deserializer(),
                    Topics.DRIFT_REPORTS.valueSerde().deserializer()).readValuesToList().stream()
                    .filter(report -> report.getWindowStart().isBefore(T0.plus(WINDOW.multipliedBy(5)))).toList(),
                    driver.createOutputTopic("driftwatch.alerts", Serdes.String().deserializer(),
                            Topics.ALERTS.valueSerde().deserializer()).readValuesToList());
        }
    }

    private static AlertEvent alertOf(Outputs outputs, int window) {
        return outputs.alerts().stream().filter(alert -> alert.getWindowStart().equals(T0.plus(WINDOW.multipliedBy(window))))
                .findFirst().orElseThrow();
    }

    @Test
    void theFeatureThatDriftedInMoreOfTheLastWindowsRanksFirstAndLeadsTheAlert() {
        Outputs outputs = run("churn", "");

        assertThat(outputs.reports()).hasSize(5);
        FeatureRanking ranking = outputs.reports().get(4).getFeatureRanking();
        assertThat(ranking.getMethod()).isEqualTo("alert_count");
        assertThat(ranking.getWindows()).isEqualTo(5);
        assertThat(ranking.getFeatures()).extracting(RankedFeature::getFeature, RankedFeature::getAlerts)
                .startsWith(tuple("tenure", 3), tuple("channel", 1));

        AlertEvent alert = alertOf(outputs, 4);
        assertThat(alert.getRanking()).isEqualTo("alert count over the last 5 windows");
        assertThat(alert.getFindings()).filteredOn(finding -> finding.getRank() != null)
                .extracting(AlertFinding::getFeature).startsWith("tenure", "channel");
        AlertFinding channel = alert.getFindings().stream().filter(f -> f.getFeature().equals("channel")).findFirst().orElseThrow();
        AlertFinding tenure = alert.getFindings().stream().filter(f -> f.getFeature().equals("tenure")).findFirst().orElseThrow();
        assertThat(channel.getEffect()).as("channel drifted harder in this window").isGreaterThan(tenure.getEffect());
    }

    @Test
    void aPolicyCountsOverItsOwnNumberOfWindowsOrTurnsTheRankingOff() {
        Outputs two = run("loans", "model: loans\nalerts: {ranking: {windows: 2}}\n");
        Outputs off = run("cards", "model: cards\nalerts: {ranking: off}\n");

        assertThat(two.reports().get(4).getFeatureRanking().getWindows()).isEqualTo(2);
        assertThat(off.reports()).extracting(DriftReport::getFeatureRanking).containsOnlyNulls();
        AlertEvent unranked = alertOf(off, 4);
        assertThat(unranked.getRanking()).isNull();
        assertThat(unranked.getFindings()).extracting(AlertFinding::getRank).containsOnlyNulls();
        assertThat(unranked.getFindings().get(0).getFeature()).as("by effect without a ranking").isEqualTo("channel");
    }

    /**
     * A loan model's windows: income shifts in windows 2, 4 and 5 and the model's accuracy falls with it (the more it
     * shifts, the more it falls); the channel collapses to "branch" in windows 1, 3 and 6 and the model does not mind.
     * Each window's labels come before the next window closes it, and its quality report is out by then.
     */
    private record LoanWindow(double incomeShift, boolean channelCollapses, double accuracy) {
    }

    private static final List<LoanWindow> LOAN_WINDOWS = List.of(new LoanWindow(0, false, 0.90),
            new LoanWindow(0, true, 0.90), new LoanWindow(1.5, false, 0.78), new LoanWindow(0, true, 0.89),
            new LoanWindow(2.5, false, 0.66), new LoanWindow(1.0, false, 0.83), new LoanWindow(0, true, 0.90),
            new LoanWindow(0, false, 0.90));

    private record QualityOutputs(List<DriftReport> drift, List<QualityReport> quality, List<AlertEvent> alerts) {
    }

    private QualityOutputs runLoans(String policy) {
        try (TopologyTestDriver driver = driver(true)) {
            Baseline baseline = baseline("loans");
            baseline.setQuality(BaselineQuality.newBuilder().setLabelled(3_000).setMetrics(Map.of("accuracy", 0.9)).build());
            driver.createInputTopic("driftwatch.baselines", Serdes.String().serializer(),
                    Topics.BASELINES.valueSerde().serializer()).pipeInput("loans/v1", baseline);
            driver.createInputTopic("driftwatch.policies", Serdes.String().serializer(), Serdes.String().serializer())
                    .pipeInput("loans/*", policy);
            TestInputTopic<byte[], byte[]> inferences = driver.createInputTopic("inferences",
                    Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
            TestInputTopic<byte[], byte[]> labels = driver.createInputTopic("labels", Serdes.ByteArray().serializer(),
                    Serdes.ByteArray().serializer());
            for (int window = 0; window < LOAN_WINDOWS.size(); window++) {
                LoanWindow loans = LOAN_WINDOWS.get(window);
                int wrong = (int) Math.round(300 * (1 - loans.accuracy()));
                for (int i = 0; i < 300; i++) {
                    Instant time = T0.plus(WINDOW.multipliedBy(window)).plusSeconds(i);
                    String decision = i % 2 == 0 ? "approve" : "decline";
                    Map<String, Object> features = Map.of("tenure", 24 + random.nextGaussian() * 6,
                            "channel", loans.channelCollapses() ? "branch" : List.of("web", "app", "branch").get(random.nextInt(3)),
                            "balance", 1_000 + (loans.incomeShift() + random.nextGaussian()) * 100);
                    String requestId = "loan-" + window + "-" + i;
                    InferenceLog log = InferenceLog.newBuilder().setRequestId(requestId).setModelName("loans")
                            .setModelVersion("v1").setEventTime(time).setFeatures(features).setPrediction(decision).build();
                    inferences.pipeInput(new TestRecord<>(null, RecordEncoders.json(log), time));
                    String outcome = i < wrong ? (decision.equals("approve") ? "decline" : "approve") : decision;
                    FeedbackLabel label = FeedbackLabel.newBuilder().setRequestId(requestId).setModelName("loans")
                            .setLabel(outcome).setEventTime(time.plusSeconds(30)).build();
                    labels.pipeInput(new TestRecord<>(null, RecordEncoders.json(label), time.plusSeconds(30)));
                }
                for (int update = 0; update < 4; update++) {
                    driver.advanceWallClockTime(Duration.ofSeconds(1));
                }
            }
            return new QualityOutputs(driver.createOutputTopic("driftwatch.drift-reports", Serdes.String().deserializer(),
                    Topics.DRIFT_REPORTS.valueSerde().deserializer()).readValuesToList(),
                    driver.createOutputTopic("driftwatch.quality-reports", Serdes.String().deserializer(),
                            Topics.QUALITY_REPORTS.valueSerde().deserializer()).readValuesToList(),
                    driver.createOutputTopic("driftwatch.alerts", Serdes.String().deserializer(),
                            Topics.ALERTS.valueSerde().deserializer()).readValuesToList());
        }
    }

    /** The statistic of the feature's one test in each of the reports. */
    private static double[] statistics(List<DriftReport> reports, String feature) {
        return reports.stream().mapToDouble(report -> {
            ColumnDrift column = report.getColumns().stream().filter(c -> c.getFeature().equals(feature)).findFirst()
                    .orElseThrow();
            assertThat(column.getTests()).as(feature + "'s tests").hasSize(1);
            return column.getTests().get(0).getStatistic();
        }).toArray();
    }

    /** The accuracy the last quality report of each of the reports' windows gave. */
    private static double[] accuracies(List<QualityReport> quality, List<DriftReport> reports) {
        return reports.stream().mapToDouble(report -> quality.stream()
                .filter(q -> q.getWindowStart().equals(report.getWindowStart())).reduce((first, second) -> second)
                .orElseThrow().getMetrics().get("accuracy")).toArray();
    }

    @Test
    void byCorrelationTheFeatureWhoseDriftFollowedTheFallingAccuracyRanksFirst() {
        QualityOutputs outputs = runLoans("model: loans\nalerts: {ranking: {method: correlation, metric: accuracy}}\n");

        List<DriftReport> judged = outputs.drift().stream().filter(report -> report.getFeatureRanking() != null).toList();
        assertThat(judged).hasSize(7);
        DriftReport last = judged.get(6);
        FeatureRanking ranking = last.getFeatureRanking();
        assertThat(ranking.getMethod()).isEqualTo("correlation");
        assertThat(ranking.getMetric()).isEqualTo("accuracy");
        assertThat(ranking.getPerformance()).isEqualTo("realized");
        assertThat(ranking.getWindows()).isEqualTo(7);
        assertThat(ranking.getFeatures()).extracting(RankedFeature::getFeature).startsWith("balance");
        assertThat(ranking.getFeatures()).extracting(RankedFeature::getFeature, RankedFeature::getAlerts)
                .contains(tuple("balance", 3), tuple("channel", 3));

        double[] accuracy = accuracies(outputs.quality(), judged);
        assertThat(accuracy).containsExactly(new double[] {0.90, 0.90, 0.78, 8.9 / 10, 0.66, 0.83, 0.90},
                within(0.002));
        double[] change = Arrays.stream(accuracy).map(value -> Math.abs(value - 0.9)).toArray();
        for (String feature : List.of("balance", "channel", "tenure")) {
            PearsonCorrelation expected = PearsonCorrelation.of(statistics(judged, feature), change).orElseThrow();
            RankedFeature ranked = ranking.getFeatures().stream().filter(f -> f.getFeature().equals(feature))
                    .findFirst().orElseThrow();
            assertThat(ranked.getCorrelation()).as(feature + "'s r").isEqualTo(expected.r());
            assertThat(ranked.getPValue()).as(feature + "'s p-value").isEqualTo(expected.pValue());
        }
        assertThat(ranking.getFeatures().get(0).getCorrelation()).isGreaterThan(0.9);

        AlertEvent alert = outputs.alerts().stream().filter(event -> event.getWindowStart().equals(last.getWindowStart())
                && event.getRanking() != null).findFirst().orElseThrow();
        assertThat(alert.getRanking())
                .isEqualTo("correlation of drift with the change in realized accuracy over the last 7 windows");
    }

    @Test
    void untilThreeWindowsHaveTheirPerformanceACorrelationRankingCountsAlerts() {
        QualityOutputs outputs = runLoans("model: loans\nalerts: {ranking: {method: correlation}}\n");

        assertThat(outputs.drift()).extracting(report -> report.getFeatureRanking().getMethod())
                .startsWith("alert_count", "alert_count", "correlation");
        assertThat(outputs.drift().get(2).getFeatureRanking().getMetric()).as("the default metric of a classifier"
                + " without scores").isEqualTo("accuracy");
    }
}
