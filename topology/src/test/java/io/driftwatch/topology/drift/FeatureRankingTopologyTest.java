package io.driftwatch.topology.drift;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertFinding;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineColumn;
import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.FeatureRanking;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.RankedFeature;
import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.profile.ProfileCodec;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
        DriftwatchConfig config = new DriftwatchConfig(Map.of("bootstrap.servers", "unused:9092",
                DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, WINDOW.toMillis(), DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, 0L,
                DriftwatchConfig.WINDOW_MIN_RECORDS_CONFIG, 50L));
        var topology = DriftwatchTopology.build(config, new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT),
                null, (judgedBy, reference, current, thresholds, chosen) ->
                        new ProfileComparator(judgedBy.withBaselineChoices(thresholds, chosen)).compare(reference, current),
                new PolicyModelRules(config), 1, new SimpleMeterRegistry(), Clock.systemUTC());
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "ranking-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        return new TopologyTestDriver(topology, properties);
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
}
