package io.driftwatch.topology.policy;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.SkewFinding;
import io.driftwatch.schemas.record.WindowProfile;
import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.DriftwatchTopology;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.trigger.TriggerPolicy;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ModelRulesTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    @TempDir
    Path stateDirectory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Random random = new Random(7);
    private final DriftwatchConfig config = new DriftwatchConfig(Map.of("bootstrap.servers", "unused:9092",
            DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, WINDOW.toMillis(),
            DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, Duration.ofMinutes(1).toMillis(),
            DriftwatchConfig.WINDOW_MIN_RECORDS_CONFIG, 50L));
    private final TextRules rules = new TextRules(new ConfigModelRules(config).defaults());
    private int nextId;

    /**
     * A policy format for the test: {@code id=ID;consecutive=N}, the drift-trigger run length of every version of the
     * model its key {@code MODEL/*} names, optionally {@code ;exclude=COLUMN}; any other text is rejected.
     */
    private static final class TextRules implements ModelRulesSource {
        private final ModelRules defaults;
        private final Map<String, Integer> resolutionsByModel = new HashMap<>();

        TextRules(ModelRules defaults) {
            this.defaults = defaults;
        }

        @Override
        public void check(String key, String text) throws RejectedPolicyException {
            if (!text.matches("id=[a-z0-9-]+;consecutive=[0-9]+(;exclude=[a-z_]+)?")) {
                throw new RejectedPolicyException(RejectedPolicyException.Kind.INVALID, "expected id=ID;consecutive=N");
            }
        }

        @Override
        public ModelRules resolve(String model, String version, Map<String, String> acceptedPolicies) {
            resolutionsByModel.merge(model, 1, Integer::sum);
            String text = acceptedPolicies.get(model + "/*");
            if (text == null) {
                return defaults;
            }
            Map<String, String> fields = Arrays.stream(text.split(";")).map(field -> field.split("="))
                    .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
            TriggerPolicy triggers = new TriggerPolicy(Integer.parseInt(fields.get("consecutive")), true, Duration.ofHours(6));
            return new ModelRules(fields.get("id"), defaults.comparison(), triggers, defaults.quality(), defaults.estimated(), defaults.outcome(),
                    fields.containsKey("exclude") ? Set.of(fields.get("exclude")) : Set.of(), defaults.window(), Set.of());
        }
    }

    private record Outputs(TestOutputTopic<String, DriftReport> reports, TestOutputTopic<String, RetrainingTrigger> triggers,
                           TestOutputTopic<String, AlertEvent> alerts) {
    }

    private TopologyTestDriver driver(ModelRulesSource source) {
        var topology = DriftwatchTopology.build(config, new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT), null,
                (settings, reference, current, thresholds, chosen) -> new ProfileComparator(settings.withBaselineChoices(thresholds, chosen))
                        .compare(reference, current), source, 1, meters, Clock.systemUTC());
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "rules-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        return new TopologyTestDriver(topology, properties);
    }

    private static Outputs outputs(TopologyTestDriver driver) {
        return new Outputs(
                driver.createOutputTopic("driftwatch.drift-reports", Serdes.String().deserializer(),
                        Topics.DRIFT_REPORTS.valueSerde().deserializer()),
                driver.createOutputTopic("driftwatch.triggers", Serdes.String().deserializer(), Topics.TRIGGERS.valueSerde().deserializer()),
                driver.createOutputTopic("driftwatch.alerts", Serdes.String().deserializer(), Topics.ALERTS.valueSerde().deserializer()));
    }

    private static TestInputTopic<String, String> policies(TopologyTestDriver driver) {
        return driver.createInputTopic("driftwatch.policies", Serdes.String().serializer(), Serdes.String().serializer());
    }

    private static TestInputTopic<byte[], byte[]> inferences(TopologyTestDriver driver) {
        return driver.createInputTopic("inferences", Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
    }

    /** 200 records of {@code model} v3 in window {@code window}, ages around 40 + {@code ageShift}. */
    private void window(TestInputTopic<byte[], byte[]> input, String model, int window, double ageShift) {
        window(input, model, window, ageShift, false);
    }

    /** As {@link #window(TestInputTopic, String, int, double)}, each record also logging its own {@code request_id} when {@code withIds}. */
    private void window(TestInputTopic<byte[], byte[]> input, String model, int window, double ageShift, boolean withIds) {
        for (int i = 0; i < 200; i++) {
            Instant time = T0.plus(WINDOW.multipliedBy(window)).plusSeconds(i);
            double age = 40 + ageShift + random.nextGaussian() * 5;
            String requestId = "r" + nextId++;
            Map<String, Object> features = withIds ? Map.of("age", age, "request_id", requestId) : Map.of("age", age);
            InferenceLog log = InferenceLog.newBuilder().setRequestId(requestId).setModelName(model).setModelVersion("v3")
                    .setEventTime(time).setFeatures(features).setPrediction(age / 100).build();
            input.pipeInput(new TestRecord<>(null, RecordEncoders.json(log), time));
        }
    }

    /** Three windows of {@code model}, each shifted from the one before, so windows 1 and 2 drift against their previous one. */
    private void driftingWindows(TestInputTopic<byte[], byte[]> input, String model) {
        window(input, model, 0, 0);
        window(input, model, 1, 15);
        window(input, model, 2, 30);
    }

    private static void closeAll(TestInputTopic<byte[], byte[]> input) {
        Instant time = T0.plus(WINDOW.multipliedBy(5));
        InferenceLog log = InferenceLog.newBuilder().setRequestId("closer").setModelName("other").setModelVersion("v1")
                .setEventTime(time).setFeatures(Map.of("x", 1.0)).setPrediction(0.0).build();
        input.pipeInput(new TestRecord<>(null, RecordEncoders.json(log), time));
    }

    private static List<DriftReport> reportsOf(List<DriftReport> reports, String model) {
        return reports.stream().filter(report -> report.getModelName().equals(model)).toList();
    }

    private static Instant windowEnd(int window) {
        return T0.plus(WINDOW.multipliedBy(window + 1L));
    }

    private List<String> policyInfoIds(String model) {
        return meters.find(PolicyMetrics.INFO).tags("model", model, "version", "v3").gauges().stream()
                .map(gauge -> gauge.getId().getTag("policy_id")).toList();
    }

    private double rejected(String reason) {
        return meters.get(PolicyMetrics.REJECTED).tag("reason", reason).counter().count();
    }

    @Test
    void twoModelsInOneTopologyAreJudgedByTheirOwnTriggerRules() {
        try (TopologyTestDriver driver = driver(rules)) {
            Outputs outputs = outputs(driver);
            policies(driver).pipeInput("fraud/*", "id=fraud-fast;consecutive=1");
            policies(driver).pipeInput("credit/*", "id=credit-slow;consecutive=2");
            TestInputTopic<byte[], byte[]> input = inferences(driver);
            window(input, "fraud", 0, 0);
            window(input, "credit", 0, 0);
            window(input, "fraud", 1, 15);
            window(input, "credit", 1, 15);
            window(input, "fraud", 2, 30);
            window(input, "credit", 2, 30);
            closeAll(input);

            List<DriftReport> reports = outputs.reports().readValuesToList();
            assertThat(reportsOf(reports, "fraud")).extracting(DriftReport::getDatasetDrift).containsExactly(false, true, true);
            assertThat(reportsOf(reports, "credit")).extracting(DriftReport::getDatasetDrift).containsExactly(false, true, true);
            assertThat(reportsOf(reports, "fraud")).extracting(DriftReport::getPolicyId).containsOnly("fraud-fast");
            assertThat(reportsOf(reports, "credit")).extracting(DriftReport::getPolicyId).containsOnly("credit-slow");
            Map<String, RetrainingTrigger> triggers = outputs.triggers().readValuesToList().stream()
                    .collect(Collectors.toMap(RetrainingTrigger::getModelName, trigger -> trigger));
            assertThat(triggers).containsOnlyKeys("fraud", "credit");
            assertThat(triggers.get("fraud").getFiredAt()).as("one drifted window is enough for fraud").isEqualTo(windowEnd(1));
            assertThat(triggers.get("fraud").getPolicyId()).isEqualTo("fraud-fast");
            assertThat(triggers.get("credit").getFiredAt()).as("credit waits for a second drifted window").isEqualTo(windowEnd(2));
            assertThat(triggers.get("credit").getRuleDescription()).isEqualTo("dataset drift in 2 consecutive windows");
            assertThat(triggers.get("credit").getPolicyId()).isEqualTo("credit-slow");
            assertThat(outputs.alerts().readValuesToList()).filteredOn(alert -> alert.getTriggerId() != null)
                    .extracting(AlertEvent::getModelName, AlertEvent::getPolicyId)
                    .containsExactlyInAnyOrder(tuple("fraud", "fraud-fast"),
                            tuple("credit", "credit-slow"));
            assertThat(rules.resolutionsByModel).as("three windows each, resolved once by the stage that cuts them and once"
                    + " by the one that judges them while the policies stay as they are")
                    .containsEntry("fraud", 2).containsEntry("credit", 2);
            assertThat(policyInfoIds("fraud")).containsExactly("fraud-fast");
            assertThat(policyInfoIds("credit")).containsExactly("credit-slow");
        }
    }

    @Test
    void aColumnThePolicyExcludesIsNeitherTestedNorReportedWhileAnotherModelsSameColumnIs() {
        try (TopologyTestDriver driver = driver(rules)) {
            Outputs outputs = outputs(driver);
            policies(driver).pipeInput("credit/*", "id=credit-no-ids;consecutive=1;exclude=request_id");
            policies(driver).pipeInput("fraud/*", "id=fraud-all;consecutive=1");
            TestInputTopic<byte[], byte[]> input = inferences(driver);
            for (int window = 0; window < 2; window++) {
                window(input, "credit", window, 0, true);
                window(input, "fraud", window, 0, true);
            }
            closeAll(input);

            List<DriftReport> reports = outputs.reports().readValuesToList();
            assertThat(reportsOf(reports, "credit")).hasSize(2).allSatisfy(report ->
                    assertThat(report.getSchemaFindings()).extracting(SkewFinding::getFeature).doesNotContain("request_id"));
            assertThat(reportsOf(reports, "credit").get(1).getColumns()).extracting(ColumnDrift::getFeature)
                    .containsExactly("__prediction__", "age");
            assertThat(reportsOf(reports, "fraud").get(1).getColumns()).extracting(ColumnDrift::getFeature).contains("age", "request_id");
            List<WindowProfile> profiles = driver.createOutputTopic("driftwatch.profiles", Serdes.String().deserializer(),
                    Topics.PROFILES.valueSerde().deserializer()).readValuesToList();
            assertThat(profiles).filteredOn(profile -> profile.getModelName().equals("credit")).extracting(WindowProfile::getFeature)
                    .as("an id column is not profiled either, as check and baseline leave it out").isNotEmpty().doesNotContain("request_id");
            assertThat(profiles).filteredOn(profile -> profile.getModelName().equals("fraud")).extracting(WindowProfile::getFeature)
                    .contains("request_id");
        }
    }

    @Test
    void aPolicyPublishedBetweenTwoWindowsJudgesTheNextWindowThatCloses() {
        try (TopologyTestDriver driver = driver(rules)) {
            Outputs outputs = outputs(driver);
            policies(driver).pipeInput("fraud/*", "id=fraud-patient;consecutive=3");
            TestInputTopic<byte[], byte[]> input = inferences(driver);
            driftingWindows(input, "fraud");
            assertThat(reportsOf(outputs.reports().readValuesToList(), "fraud")).as("windows 0 and 1 closed, window 2 open")
                    .extracting(DriftReport::getPolicyId).containsExactly("fraud-patient", "fraud-patient");
            assertThat(outputs.triggers().readValuesToList()).as("one drifted window of three needed").isEmpty();

            policies(driver).pipeInput("fraud/*", "id=fraud-eager;consecutive=1");
            closeAll(input);

            List<DriftReport> last = reportsOf(outputs.reports().readValuesToList(), "fraud");
            assertThat(last).extracting(DriftReport::getPolicyId).containsExactly("fraud-eager");
            List<RetrainingTrigger> triggers = outputs.triggers().readValuesToList();
            assertThat(triggers).extracting(RetrainingTrigger::getFiredAt, RetrainingTrigger::getPolicyId)
                    .containsExactly(tuple(windowEnd(2), "fraud-eager"));
            assertThat(policyInfoIds("fraud")).as("the series of the old policy is replaced, not kept beside").containsExactly("fraud-eager");
        }
    }

    @Test
    void aRejectedPolicyLeavesThePreviousOneInForceIsCountedAndTheWindowsStillClose() {
        try (TopologyTestDriver driver = driver(rules)) {
            Outputs outputs = outputs(driver);
            policies(driver).pipeInput("fraud/*", "id=fraud-fast;consecutive=1");
            policies(driver).pipeInput("fraud/*", "model: fraud\ntriggers: {dataset_drift: {consecutive: one}}\n");
            TestInputTopic<byte[], byte[]> input = inferences(driver);
            driftingWindows(input, "fraud");
            closeAll(input);

            assertThat(rejected("invalid")).isEqualTo(1.0);
            assertThat(rejected("unreadable")).isZero();
            assertThat(reportsOf(outputs.reports().readValuesToList(), "fraud")).extracting(DriftReport::getPolicyId)
                    .containsExactly("fraud-fast", "fraud-fast", "fraud-fast");
            assertThat(outputs.triggers().readValuesToList()).extracting(RetrainingTrigger::getFiredAt)
                    .as("fraud-fast's rule, one drifted window").containsExactly(windowEnd(1));
        }
    }

    @Test
    void aWithdrawnPolicyLeavesTheModelToTheDefaults() {
        try (TopologyTestDriver driver = driver(rules)) {
            Outputs outputs = outputs(driver);
            policies(driver).pipeInput("fraud/*", "id=fraud-fast;consecutive=1");
            TestInputTopic<byte[], byte[]> input = inferences(driver);
            driftingWindows(input, "fraud");
            policies(driver).pipeInput("fraud/*", (String) null);
            closeAll(input);

            assertThat(reportsOf(outputs.reports().readValuesToList(), "fraud")).extracting(DriftReport::getPolicyId)
                    .containsExactly("fraud-fast", "fraud-fast", ConfigModelRules.POLICY_ID);
            assertThat(policyInfoIds("fraud")).containsExactly(ConfigModelRules.POLICY_ID);
        }
    }

    @Test
    void withoutASourceEveryModelIsJudgedByTheSettingsWhateverThePoliciesTopicHolds() {
        try (TopologyTestDriver driver = driver(new ConfigModelRules(config))) {
            Outputs outputs = outputs(driver);
            policies(driver).pipeInput("fraud/*", "id=fraud-fast;consecutive=1");
            TestInputTopic<byte[], byte[]> input = inferences(driver);
            driftingWindows(input, "fraud");
            closeAll(input);

            assertThat(reportsOf(outputs.reports().readValuesToList(), "fraud")).extracting(DriftReport::getPolicyId)
                    .containsOnly(ConfigModelRules.POLICY_ID);
            assertThat(outputs.triggers().readValuesToList()).extracting(RetrainingTrigger::getFiredAt)
                    .as("driftwatch.trigger.consecutive.windows, 2 by default").containsExactly(windowEnd(2));
            assertThat(meters.find(PolicyMetrics.REJECTED).counters()).extracting(counter -> counter.count()).containsOnly(0.0);
            assertThat(meters.find(PolicyMetrics.REJECTED).meters()).extracting(Meter::getId)
                    .extracting(id -> id.getTag("reason")).containsExactlyInAnyOrder("unreadable", "invalid", "miskeyed");
        }
    }
}
