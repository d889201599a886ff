package io.driftwatch.topology.drift;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertFinding;
import io.driftwatch.schemas.record.AlertKind;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineColumn;
import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.schemas.record.ComparisonBasis;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.FeatureSummary;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.TestMethod;
import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.profile.ProfileCodec;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.DriftwatchTopology;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DriftTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    // The driver's state directory; its default, kafka-streams in the system's temporary directory, would stay behind.
    @TempDir
    Path stateDirectory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Random random = new Random(42);
    private int nextId;

    private TopologyTestDriver driver(Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>(Map.of("bootstrap.servers", "unused:9092",
                DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, WINDOW.toMillis(),
                DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, Duration.ofMinutes(1).toMillis(),
                DriftwatchConfig.WINDOW_MIN_RECORDS_CONFIG, 50L,
                DriftwatchConfig.TRIGGER_CONSECUTIVE_WINDOWS_CONFIG, 1));
        settings.putAll(overrides);
        DriftwatchConfig config = new DriftwatchConfig(settings);
        var topology = DriftwatchTopology.build(config, new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT),
                (judgedBy, reference, current, thresholds, chosen) -> new ProfileComparator(judgedBy.withBaselineChoices(thresholds, chosen))
                        .compare(reference, current), 1, meters, Clock.systemUTC());
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "drift-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        return new TopologyTestDriver(topology, properties);
    }

    private void window(TestInputTopic<byte[], byte[]> input, int window, double ageShift, boolean withCountry, boolean extraFeature) {
        for (int i = 0; i < 200; i++) {
            Instant time = T0.plus(WINDOW.multipliedBy(window)).plusSeconds(i);
            double age = 40 + ageShift + random.nextGaussian() * 5;
            Map<String, Object> features = new HashMap<>();
            features.put("age", age);
            if (withCountry) {
                features.put("country", List.of("NO", "SE", "DK").get(random.nextInt(3)));
            }
            if (extraFeature) {
                features.put("device", "mobile");
            }
            InferenceLog log = InferenceLog.newBuilder().setRequestId("r" + nextId++).setModelName("fraud").setModelVersion("v3")
                    .setEventTime(time).setFeatures(features).setPrediction(age / 100).build();
            input.pipeInput(new TestRecord<>(null, RecordEncoders.json(log), time));
        }
    }

    private static void closeAll(TestInputTopic<byte[], byte[]> input, int window) {
        Instant time = T0.plus(WINDOW.multipliedBy(window));
        InferenceLog log = InferenceLog.newBuilder().setRequestId("closer").setModelName("other").setModelVersion("v1")
                .setEventTime(time).setFeatures(Map.of("x", 1.0)).setPrediction(0.0).build();
        input.pipeInput(new TestRecord<>(null, RecordEncoders.json(log), time));
    }

    private record Outputs(TestOutputTopic<String, DriftReport> reports, TestOutputTopic<String, RetrainingTrigger> triggers,
                           TestOutputTopic<String, AlertEvent> alerts) {
    }

    private static Outputs outputs(TopologyTestDriver driver) {
        return new Outputs(
                driver.createOutputTopic("driftwatch.drift-reports", Serdes.String().deserializer(),
                        Topics.DRIFT_REPORTS.valueSerde().deserializer()),
                driver.createOutputTopic("driftwatch.triggers", Serdes.String().deserializer(),
                        Topics.TRIGGERS.valueSerde().deserializer()),
                driver.createOutputTopic("driftwatch.alerts", Serdes.String().deserializer(),
                        Topics.ALERTS.valueSerde().deserializer()));
    }

    private static TestInputTopic<byte[], byte[]> input(TopologyTestDriver driver) {
        return driver.createInputTopic("inferences", Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
    }

    private static List<DriftReport> reportsOf(Outputs outputs, String model) {
        return outputs.reports().readValuesToList().stream().filter(r -> r.getModelName().equals(model)).toList();
    }

    @Test
    void withoutABaselineComparesEachWindowWithThePreviousOneAndTriggersOnTheShiftedWindow() {
        try (TopologyTestDriver driver = driver(Map.of())) {
            TestInputTopic<byte[], byte[]> input = input(driver);
            Outputs outputs = outputs(driver);
            window(input, 0, 0, true, false);
            window(input, 1, 0, true, false);
            window(input, 2, 15, true, false);
            closeAll(input, 5);

            List<DriftReport> reports = reportsOf(outputs, "fraud");
            assertThat(reports).extracting(DriftReport::getComparison)
                    .containsExactly(ComparisonBasis.NONE, ComparisonBasis.PREVIOUS_WINDOW, ComparisonBasis.PREVIOUS_WINDOW);
            assertThat(reports.get(0).getVerdictWithheld()).startsWith("first window of a model version without a baseline");
            assertThat(reports.get(1).getDatasetDrift()).isFalse();
            DriftReport shifted = reports.get(2);
            assertThat(shifted.getDatasetDrift()).isTrue();
            ColumnDrift age = shifted.getColumns().stream().filter(c -> c.getFeature().equals("age")).findFirst().orElseThrow();
            assertThat(age.getVerdict()).isEqualTo(DriftVerdict.DRIFT);
            assertThat(age.getTests().get(0).getTest()).isEqualTo("ks");
            assertThat(age.getTests().get(0).getMethod().name()).isEqualTo("EXACT");
            assertThat(age.getCurrentCount()).isEqualTo(200);

            List<TestRecord<String, RetrainingTrigger>> triggers = outputs.triggers().readRecordsToList();
            assertThat(triggers).hasSize(1);
            RetrainingTrigger trigger = triggers.get(0).value();
            assertThat(triggers.get(0).key()).isEqualTo(trigger.getTriggerId());
            assertThat(trigger.getRule()).isEqualTo("dataset_drift");
            assertThat(trigger.getWindows().get(0).getStart()).isEqualTo(T0.plus(WINDOW.multipliedBy(2)));
            assertThat(trigger.getEvidence().get(0).getFeature()).isIn("age", "__prediction__");

            List<AlertEvent> alerts = outputs.alerts().readValuesToList();
            assertThat(alerts).extracting(AlertEvent::getKind).containsExactly(AlertKind.TRIGGER);
            assertThat(alerts.get(0).getTriggerId()).isEqualTo(trigger.getTriggerId());
            assertThat(alerts.get(0).getComparison()).isEqualTo(ComparisonBasis.PREVIOUS_WINDOW.name());
            AlertFinding ageFinding = alerts.get(0).getFindings().stream().filter(f -> f.getFeature().equals("age"))
                    .findFirst().orElseThrow();
            assertThat(ageFinding.getTest()).isEqualTo("ks");
            assertThat(ageFinding.getCondition()).as("the rule is on the p-value").isEqualTo("p <= 0.05");
            assertThat(ageFinding.getPValue()).as("the report's p-value, which the rule judged")
                    .isEqualTo(age.getTests().get(0).getPValue()).isLessThan(0.05);
            assertThat(ageFinding.getStatistic()).isEqualTo(age.getTests().get(0).getStatistic());
            // The windows are N(40, 5) then N(55, 5), 200 values each: means and medians within 1.5 of those.
            FeatureSummary ageSummary = alerts.get(0).getFindings().stream().filter(f -> f.getFeature().equals("age"))
                    .findFirst().orElseThrow().getSummary();
            assertThat(ageSummary.getReferenceMean()).isCloseTo(40, within(1.5));
            assertThat(ageSummary.getCurrentMean()).isCloseTo(55, within(1.5));
            assertThat(ageSummary.getQuantiles().get(2).getReference()).isCloseTo(40, within(1.5));
            assertThat(ageSummary.getQuantiles().get(2).getCurrent()).isCloseTo(55, within(1.5));
            int half = ageSummary.getReferenceProportions().size() / 2;
            assertThat(ageSummary.getReferenceProportions().subList(0, half).stream().mapToDouble(Double::doubleValue).sum()).isGreaterThan(0.85);
            assertThat(ageSummary.getCurrentProportions().subList(0, half).stream().mapToDouble(Double::doubleValue).sum()).isLessThan(0.15);
        }
    }

    @Test
    void aFeatureThatDisappearsIsASchemaErrorThatTriggersAtOnce() {
        try (TopologyTestDriver driver = driver(Map.of())) {
            TestInputTopic<byte[], byte[]> input = input(driver);
            Outputs outputs = outputs(driver);
            window(input, 0, 0, true, false);
            window(input, 1, 0, false, true);
            closeAll(input, 5);
            DriftReport second = reportsOf(outputs, "fraud").get(1);
            assertThat(second.getSchemaFindings()).extracting(SkewFinding::getFeature, f -> f.getKind().name())
                    .contains(org.assertj.core.groups.Tuple.tuple("country", "MISSING_COLUMN"),
                            org.assertj.core.groups.Tuple.tuple("device", "UNEXPECTED_COLUMN"));
            assertThat(outputs.triggers().readValuesToList()).extracting(RetrainingTrigger::getRule).containsExactly("schema_error");
        }
    }

    @Test
    void aWindowBelowTheMinimumGetsACountButNoVerdict() {
        try (TopologyTestDriver driver = driver(Map.of(DriftwatchConfig.WINDOW_MIN_RECORDS_CONFIG, 500L))) {
            TestInputTopic<byte[], byte[]> input = input(driver);
            Outputs outputs = outputs(driver);
            window(input, 0, 0, true, false);
            window(input, 1, 15, true, false);
            closeAll(input, 5);
            DriftReport second = reportsOf(outputs, "fraud").get(1);
            assertThat(second.getRecords()).isEqualTo(200);
            assertThat(second.getVerdictWithheld()).isEqualTo("200 records, fewer than the minimum of 500 for a verdict");
            assertThat(second.getDatasetDrift()).isFalse();
            assertThat(outputs.triggers().isEmpty()).isTrue();
        }
    }

    private static BaselineColumn baselineColumn(String name, ColumnProfile profile, Map<String, Double> thresholds) {
        return baselineColumn(name, profile, thresholds, null);
    }

    private static BaselineColumn baselineColumn(String name, ColumnProfile profile, Map<String, Double> thresholds,
                                                 @Nullable String defaultTest) {
        boolean numeric = profile instanceof NumericProfile;
        return BaselineColumn.newBuilder().setName(name).setColumnType(numeric ? ColumnKind.NUMERIC : ColumnKind.CATEGORICAL)
                .setCount(profile.recordCount()).setMissing(0).setMissingRate(0)
                .setProfile(ByteBuffer.wrap(ProfileCodec.toBytes(profile)))
                .setMin(null).setMax(null).setDistinctCount(0).setDomain(List.of()).setDomainTruncated(false)
                .setDefaultTest(defaultTest).setComparedAsCategories(false).setThresholds(thresholds).setNotCalibrated(Map.of()).build();
    }

    private Baseline baseline() {
        return baseline(null);
    }

    private Baseline baseline(@Nullable String predictionTest) {
        double[] ages = new double[2000];
        double[] predictions = new double[2000];
        List<String> countries = new java.util.ArrayList<>();
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 40 + random.nextGaussian() * 5;
            predictions[i] = ages[i] / 100;
            countries.add(List.of("NO", "SE", "DK").get(random.nextInt(3)));
        }
        return Baseline.newBuilder().setBaselineId("fraud/v3/0123456789abcdef").setModelName("fraud").setModelVersion("v3")
                .setCreatedAt(T0).setSource("training.csv").setRows(2000).setContentHash("0123456789abcdef")
                .setCalibration(null)
                .setColumns(List.of(
                        baselineColumn("age", NumericProfile.of(NumericProfileConfig.defaults(), ages), Map.of("wasserstein", 0.05)),
                        baselineColumn("country", CategoricalProfile.of(CategoricalProfileConfig.defaults(), countries), Map.of(),
                                predictionTest == null ? null : "jensen_shannon"),
                        baselineColumn(FeatureProfiles.PREDICTION, NumericProfile.of(NumericProfileConfig.defaults(), predictions),
                                predictionTest == null ? Map.of() : Map.of(predictionTest, 0.07), predictionTest)))
                .build();
    }

    @Test
    void withABaselineEveryWindowIsComparedWithTrainingAndAPersistentShiftTriggersAfterTwoWindows() {
        try (TopologyTestDriver driver = driver(Map.of(DriftwatchConfig.TRIGGER_CONSECUTIVE_WINDOWS_CONFIG, 2))) {
            driver.createInputTopic("driftwatch.baselines", Serdes.String().serializer(),
                    Topics.BASELINES.valueSerde().serializer()).pipeInput("fraud/v3", baseline());
            TestInputTopic<byte[], byte[]> input = input(driver);
            Outputs outputs = outputs(driver);
            window(input, 0, 0, true, false);
            window(input, 1, 15, true, false);
            window(input, 2, 15, true, false);
            closeAll(input, 5);

            List<DriftReport> reports = reportsOf(outputs, "fraud");
            assertThat(reports).extracting(DriftReport::getComparison).containsOnly(ComparisonBasis.BASELINE);
            assertThat(reports).extracting(DriftReport::getBaselineId).containsOnly("fraud/v3/0123456789abcdef");
            assertThat(reports).extracting(DriftReport::getDatasetDrift).containsExactly(false, true, true);
            ColumnDrift age = reports.get(1).getColumns().stream().filter(c -> c.getFeature().equals("age")).findFirst().orElseThrow();
            assertThat(age.getTests().get(0).getTest()).as("Evidently's choice for a reference of 2,000 values").isEqualTo("wasserstein");
            assertThat(age.getTests().get(0).getThreshold()).as("the baseline's calibrated threshold").isEqualTo(0.05);
            assertThat(age.getReferenceCount()).isEqualTo(2000);

            List<RetrainingTrigger> triggers = outputs.triggers().readValuesToList();
            assertThat(triggers).hasSize(1);
            assertThat(triggers.get(0).getWindows()).extracting(w -> w.getStart())
                    .containsExactly(T0.plus(WINDOW), T0.plus(WINDOW.multipliedBy(2)));

            List<AlertFinding> ageDrift = outputs.alerts().readValuesToList().stream().flatMap(a -> a.getFindings().stream())
                    .filter(f -> f.getFeature().equals("age") && f.getTest().equals("wasserstein")).toList();
            assertThat(ageDrift).as("age's drift findings").isNotEmpty().allSatisfy(finding -> {
                assertThat(finding.getCondition()).as("a distance: the rule is on the statistic").isEqualTo("statistic >= 0.05");
                assertThat(finding.getPValue()).isNull();
            });
        }
    }

    @Test
    void theTestTheBaselineChoseForAColumnIsTheOneTheWindowRunsWithItsCalibratedThreshold() {
        try (TopologyTestDriver driver = driver(Map.of())) {
            driver.createInputTopic("driftwatch.baselines", Serdes.String().serializer(),
                    Topics.BASELINES.valueSerde().serializer())
                    .pipeInput("fraud/v3", baseline("jensen_shannon"));
            TestInputTopic<byte[], byte[]> input = input(driver);
            Outputs outputs = outputs(driver);
            window(input, 0, 0, true, false);
            closeAll(input, 5);

            DriftReport report = reportsOf(outputs, "fraud").get(0);
            ColumnDrift prediction = report.getColumns().stream()
                    .filter(c -> c.getFeature().equals(FeatureProfiles.PREDICTION)).findFirst().orElseThrow();
            ColumnDrift age = report.getColumns().stream().filter(c -> c.getFeature().equals("age")).findFirst().orElseThrow();
            assertThat(prediction.getTests()).extracting(t -> t.getTest() + "@" + t.getThreshold())
                    .as("the baseline's choice and its calibrated threshold, not the window's own choice (wasserstein at 0.1)")
                    .containsExactly("jensen_shannon@0.07");
            assertThat(age.getTests()).extracting(t -> t.getTest()).as("a column the baseline chose nothing for").containsExactly("wasserstein");
            ColumnDrift country = report.getColumns().stream().filter(c -> c.getFeature().equals("country")).findFirst().orElseThrow();
            assertThat(country.getTests()).extracting(t -> t.getTest()).as("categories compared as categories, as baseline writes"
                    + " them (comparedAsCategories marks numbers only)").containsExactly("jensen_shannon");
        }
    }

    @Test
    void aFiftyThousandRowBaselineHeldExactlyGivesExactTestsOnWindowsOfFiveThousandRecords() {
        double[] ages = new double[50_000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 40 + random.nextGaussian() * 5;
        }
        NumericProfileConfig baselineValues = new NumericProfileConfig(NumericProfileConfig.DEFAULT_KLL_K, 300_000);
        Baseline baseline = Baseline.newBuilder().setBaselineId("fraud/v3/exact").setModelName("fraud").setModelVersion("v3")
                .setCreatedAt(T0).setSource("training.csv").setRows(ages.length).setContentHash("exact")
                .setCalibration(null)
                .setColumns(List.of(baselineColumn("age", NumericProfile.of(baselineValues, ages), Map.of(), "ks"),
                        baselineColumn(FeatureProfiles.PREDICTION, NumericProfile.of(baselineValues,
                                Arrays.stream(ages).map(age -> age / 100).toArray()), Map.of())))
                .build();
        try (TopologyTestDriver driver = driver(Map.of(DriftwatchConfig.EXACT_VALUES_CONFIG, 5_000))) {
            driver.createInputTopic("driftwatch.baselines", Serdes.String().serializer(),
                    Topics.BASELINES.valueSerde().serializer()).pipeInput("fraud/v3", baseline);
            TestInputTopic<byte[], byte[]> input = input(driver);
            Outputs outputs = outputs(driver);
            for (int i = 0; i < 5_000; i++) {
                Instant time = T0.plusMillis(i * 100L);
                double age = 40 + random.nextGaussian() * 5;
                InferenceLog log = InferenceLog.newBuilder().setRequestId("e" + i).setModelName("fraud").setModelVersion("v3")
                        .setEventTime(time).setFeatures(Map.of("age", age)).setPrediction(age / 100).build();
                input.pipeInput(new TestRecord<>(null, RecordEncoders.json(log), time));
            }
            closeAll(input, 5);

            DriftReport report = reportsOf(outputs, "fraud").get(0);
            assertThat(report.getRecords()).isEqualTo(5_000);
            assertThat(report.getColumns()).allSatisfy(column -> assertThat(column.getTests()).allSatisfy(test -> {
                assertThat(test.getMethod()).as(column.getFeature() + " " + test.getTest()).isNotEqualTo(TestMethod.SKETCH);
                assertThat(test.getBound()).isNull();
            }));
            assertThat(report.getColumns()).filteredOn(c -> c.getFeature().equals("age"))
                    .singleElement().satisfies(age -> assertThat(age.getTests().get(0).getTest()).isEqualTo("ks"));
        }
    }
}
