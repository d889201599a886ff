package io.driftwatch.topology.drift;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertKind;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineColumn;
import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.MultivariateDrift;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.stats.multivariate.CategoricalColumn;
import io.driftwatch.stats.multivariate.ContinuousColumn;
import io.driftwatch.stats.multivariate.FeatureTable;
import io.driftwatch.stats.multivariate.ReconstructionErrors;
import io.driftwatch.stats.multivariate.ReconstructionFit;
import io.driftwatch.stats.multivariate.ReconstructionFitter;
import io.driftwatch.stats.multivariate.ReconstructionReference;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.profile.ProfileCodec;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.DriftwatchTopology;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.multivariate.BaselineReconstructions;
import io.driftwatch.topology.policy.PolicyModelRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Multivariate drift in the stream: windows whose two correlated features swap the sign of their correlation, each
 * feature keeping its own distribution, against a baseline holding the PCA fit of training rows.
 */
class MultivariateDriftTopologyTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int WINDOW_ROWS = 600;
    private static final List<String> REGIONS = List.of("north", "south", "east", "west");
    private static final String BASELINE_ID = "loans/v2/00000000000000aa";

    @TempDir
    Path stateDirectory;

    private final Random random = new Random(7);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private int nextId;

    /** One row: x, y whose correlation is {@code rho}, a region; null where a value is missing. */
    private record Row(@Nullable Double x, @Nullable Double y, @Nullable String region) {
    }

    private Row row(double rho) {
        double x = random.nextGaussian();
        double y = rho * x + Math.sqrt(1 - rho * rho) * random.nextGaussian();
        return new Row(10 + 2 * x, 50 + 5 * y, REGIONS.get(random.nextInt(REGIONS.size())));
    }

    private static FeatureTable table(List<Row> rows) {
        return new FeatureTable(List.of(
                ContinuousColumn.of("x", rows.stream().mapToDouble(r -> r.x() == null ? Double.NaN : r.x()).toArray()),
                ContinuousColumn.of("y", rows.stream().mapToDouble(r -> r.y() == null ? Double.NaN : r.y()).toArray()),
                CategoricalColumn.of("region", rows.stream().map(Row::region).toList())));
    }

    private Baseline baseline(List<Row> training) {
        ReconstructionFit fit = ReconstructionFitter.fit(table(training));
        List<FeatureTable> chunks = new ArrayList<>();
        for (int from = 0; from < training.size(); from += WINDOW_ROWS) {
            chunks.add(table(training.subList(from, Math.min(training.size(), from + WINDOW_ROWS))));
        }
        ReconstructionReference reference = ReconstructionReference.of(fit, chunks);
        double[] xs = training.stream().mapToDouble(Row::x).toArray();
        double[] ys = training.stream().mapToDouble(Row::y).toArray();
        double[] predictions = new double[training.size()];
        return Baseline.newBuilder().setBaselineId(BASELINE_ID).setModelName("loans").setModelVersion("v2")
                .setCreatedAt(T0).setSource("training.csv").setRows(training.size()).setContentHash("aa")
                .setColumns(List.of(
                        column("x", NumericProfile.of(NumericProfileConfig.defaults(), xs)),
                        column("y", NumericProfile.of(NumericProfileConfig.defaults(), ys)),
                        column("region", CategoricalProfile.of(CategoricalProfileConfig.defaults(),
                                training.stream().map(Row::region).toList())),
                        column("__prediction__", NumericProfile.of(NumericProfileConfig.defaults(), predictions))))
                .setMultivariate(BaselineReconstructions.toRecord(reference, "--multivariate-chunk-rows " + WINDOW_ROWS))
                .build();
    }

    private static BaselineColumn column(String name, ColumnProfile profile) {
        boolean numeric = profile instanceof NumericProfile;
        return BaselineColumn.newBuilder().setName(name).setColumnType(numeric ? ColumnKind.NUMERIC : ColumnKind.CATEGORICAL)
                .setCount(profile.recordCount()).setMissing(0).setMissingRate(0)
                .setProfile(ByteBuffer.wrap(ProfileCodec.toBytes(profile))).setMin(null).setMax(null).setDistinctCount(0)
                .setDomain(List.of()).setDomainTruncated(false).setDefaultTest("ks").setComparedAsCategories(false)
                .setThresholds(Map.of()).setNotCalibrated(Map.of()).build();
    }

    private TopologyTestDriver driver() {
        DriftwatchConfig config = new DriftwatchConfig(Map.of("bootstrap.servers", "unused:9092",
                DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, WINDOW.toMillis(),
                DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, 0L,
                DriftwatchConfig.WINDOW_MIN_RECORDS_CONFIG, 50L));
        var topology = DriftwatchTopology.build(config, new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT),
                null, (judgedBy, reference, current, thresholds, chosen) ->
                        new ProfileComparator(judgedBy.withBaselineChoices(thresholds, chosen)).compare(reference, current),
                new PolicyModelRules(config), 1, meters, Clock.systemUTC());
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "multivariate-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        return new TopologyTestDriver(topology, properties);
    }

    private void send(TestInputTopic<byte[], byte[]> input, int window, List<Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            Instant time = T0.plus(WINDOW.multipliedBy(window)).plusMillis(i * 900L);
            Map<String, Object> features = new HashMap<>();
            features.put("x", rows.get(i).x());
            features.put("y", rows.get(i).y());
            features.put("region", rows.get(i).region());
            InferenceLog log = InferenceLog.newBuilder().setRequestId("r" + nextId++).setModelName("loans")
                    .setModelVersion("v2").setEventTime(time).setFeatures(features).setPrediction(0.0).build();
            input.pipeInput(new TestRecord<>(null, RecordEncoders.json(log), time));
        }
    }

    @Test
    void aCorrelationThatFlipsWhileEachFeatureKeepsItsDistributionDriftsOnlyAsAWholeAndTriggersOnce() {
        List<Row> training = new ArrayList<>();
        for (int i = 0; i < 6 * WINDOW_ROWS; i++) {
            training.add(row(0.8));
        }
        List<List<Row>> windows = new ArrayList<>();
        for (int window = 0; window < 4; window++) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < WINDOW_ROWS; i++) {
                rows.add(row(window >= 2 ? -0.8 : 0.8));
            }
            windows.add(rows);
        }
        // Window 1 has what a real team's log has: missing values and a region training never saw.
        windows.get(1).set(3, new Row(null, 52.0, "south"));
        windows.get(1).set(4, new Row(11.0, null, null));
        windows.get(1).set(5, new Row(9.5, 48.0, "atlantis"));
        Baseline baseline = baseline(training);
        ReconstructionReference reference = BaselineReconstructions.fromRecord(baseline.getMultivariate());

        List<DriftReport> reports;
        List<RetrainingTrigger> triggers;
        List<AlertEvent> alerts;
        try (TopologyTestDriver driver = driver()) {
            driver.createInputTopic("driftwatch.baselines", Serdes.String().serializer(),
                    Topics.BASELINES.valueSerde().serializer()).pipeInput("loans/v2", baseline);
            driver.createInputTopic("driftwatch.policies", Serdes.String().serializer(), Serdes.String().serializer())
                    .pipeInput("loans/*", "model: loans\ntriggers: {multivariate_drift: {}, dataset_drift: off}\n");
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic("inferences", Serdes.ByteArray().serializer(),
                    Serdes.ByteArray().serializer());
            for (int window = 0; window < windows.size(); window++) {
                send(input, window, windows.get(window));
            }
            send(input, 6, List.of(row(0.8)));
            reports = driver.createOutputTopic("driftwatch.drift-reports", Serdes.String().deserializer(),
                    Topics.DRIFT_REPORTS.valueSerde().deserializer()).readValuesToList();
            triggers = driver.createOutputTopic("driftwatch.triggers", Serdes.String().deserializer(),
                    Topics.TRIGGERS.valueSerde().deserializer()).readValuesToList();
            alerts = driver.createOutputTopic("driftwatch.alerts", Serdes.String().deserializer(),
                    Topics.ALERTS.valueSerde().deserializer()).readValuesToList();
        }

        assertThat(reports).hasSize(4);
        for (int window = 0; window < 4; window++) {
            MultivariateDrift drift = reports.get(window).getMultivariate();
            ReconstructionErrors expected = reference.fit().errorsOf(table(windows.get(window)));
            assertThat(drift).as("window %d", window).isNotNull();
            assertThat(drift.getRows()).isEqualTo(WINDOW_ROWS);
            assertThat(drift.getValue()).as("window %d: the fit's mean error on the window's rows", window)
                    .isEqualTo(expected.value());
            assertThat(drift.getSamplingError()).isEqualTo(expected.samplingError());
            assertThat(drift.getThresholdUpper()).isEqualTo(reference.thresholds().orElseThrow().upper());
            assertThat(drift.getAlert()).as("window %d alerts", window).isEqualTo(window >= 2);
            assertThat(drift.getFeatures()).containsExactly("x", "y", "region");
            assertThat(reports.get(window).getColumns()).as("no single feature drifts in window %d", window)
                    .extracting(column -> column.getVerdict()).doesNotContain(DriftVerdict.DRIFT);
        }
        assertThat(reports.get(2).getMultivariate().getValue()).isGreaterThan(reports.get(2).getMultivariate().getThresholdUpper());

        assertThat(triggers).singleElement().satisfies(trigger -> {
            assertThat(trigger.getRule()).isEqualTo("multivariate_drift");
            assertThat(trigger.getFiredAt()).isEqualTo(T0.plus(WINDOW.multipliedBy(3)));
            assertThat(trigger.getEvidence()).singleElement().satisfies(evidence -> {
                assertThat(evidence.getStatistic()).isEqualTo(reports.get(2).getMultivariate().getValue());
                assertThat(evidence.getThreshold()).isEqualTo(reports.get(2).getMultivariate().getThresholdUpper());
            });
            assertThat(trigger.getSummary()).startsWith("loans v2: multivariate drift in 1 consecutive window (PCA"
                    + " reconstruction error");
        });
        assertThat(alerts).extracting(AlertEvent::getKind).containsExactly(AlertKind.TRIGGER, AlertKind.DRIFT);
        assertThat(alerts.get(1).getTitle()).startsWith("loans v2: multivariate drift (PCA reconstruction error ");
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.getMultivariate()).isNotNull();
            assertThat(alert.getMultivariate().getFeatures()).containsExactly("x", "y", "region");
        });
    }
}
