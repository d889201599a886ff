package io.driftwatch.cli.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.cli.CommandRun;
import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.mapping.LabelMapping;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.DriftwatchTopology;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.policy.ConfigModelRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One truth for a multiclass model's estimated performance: the same rows of a three-class model, as a file given to
 * {@code check --estimate-performance} with one {@code --score-column CLASS=COLUMN} per class and ten-minute period
 * chunks, and as inference logs with every class's score read by the stream in ten-minute windows, get the same
 * estimate of accuracy, macro precision, recall, F1 and ROC AUC, its sampling error, band and thresholds, chunk by
 * window, to the last bit. The stream estimates with the multiclass fit {@code baseline --estimate-performance}
 * stored, {@code check} with the fit it makes on the same reference; the scores are sharpened, so classes calibrate.
 */
class MulticlassEstimatesMatchTheStreamTest {
    private static final Instant REFERENCE_START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int REFERENCE_PER_CHUNK = 400;
    private static final int WINDOWS = 5;
    private static final int PER_WINDOW = 150;
    private static final List<String> METRICS = List.of("accuracy", "roc_auc", "macro_precision", "macro_recall",
            "macro_f1");
    private static final List<String> CLASSES = List.of("ant", "bee", "cat");
    private static final String HEADER = "rid,scored_at,predicted,p_ant,p_bee,p_cat,animal\n";

    @TempDir
    Path directory;

    /** A row of {@link MulticlassCheckEstimateTest#rows}: three scores, the predicted class, the true class. */
    private static String line(String id, Instant at, double[] row) {
        return String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s%n", id, at, CLASSES.get((int) row[3]), row[0], row[1],
                row[2], CLASSES.get((int) row[4]));
    }

    @Test
    void everyWindowsMulticlassEstimateEqualsItsChunksInCheckToTheLastBit() throws Exception {
        StringBuilder reference = new StringBuilder(HEADER);
        List<double[]> referenceRows = MulticlassCheckEstimateTest.rows(10 * REFERENCE_PER_CHUNK, 41, 0);
        for (int i = 0; i < referenceRows.size(); i++) {
            reference.append(line("v" + i, REFERENCE_START.plusMillis(i * 1_500L), referenceRows.get(i)));
        }
        StringBuilder current = new StringBuilder(HEADER);
        List<InferenceLog> logs = new ArrayList<>();
        for (int window = 0; window < WINDOWS; window++) {
            List<double[]> rows = MulticlassCheckEstimateTest.rows(PER_WINDOW, 100 + window, window < 3 ? 0 : 1.5);
            for (int i = 0; i < PER_WINDOW; i++) {
                double[] row = rows.get(i);
                Instant at = T0.plus(WINDOW.multipliedBy(window)).plusMillis(i * 3_000L);
                String id = "r" + window + "-" + i;
                current.append(line(id, at, row));
                logs.add(InferenceLog.newBuilder().setRequestId(id).setModelName("zoo").setModelVersion("v3")
                        .setEventTime(at).setFeatures(Map.of()).setPrediction(CLASSES.get((int) row[3]))
                        .setClassScores(Map.of("ant", row[0], "bee", row[1], "cat", row[2])).build());
            }
        }
        Path referenceFile = Files.writeString(directory.resolve("reference.csv"), reference);
        Path currentFile = Files.writeString(directory.resolve("current.csv"), current);
        Path baselineFile = directory.resolve("zoo-v3.avro");
        CommandRun.succeed("baseline", "--model", "zoo", "--model-version", "v3", "--input", referenceFile.toString(),
                "--exclude", "rid,scored_at", "--labels", "animal", "--prediction-column", "predicted",
                "--score-column", "ant=p_ant", "--score-column", "bee=p_bee", "--score-column", "cat=p_cat",
                "--estimate-performance", "--estimate-chunk-rows", Integer.toString(REFERENCE_PER_CHUNK),
                "--output", baselineFile.toString());
        JsonNode check = new ObjectMapper().readTree(CommandRun.expecting(new int[] {0, 1}, "check",
                "--reference", referenceFile.toString(), "--current", currentFile.toString(), "--exclude", "rid",
                "--chunk-period", "10m", "--time-column", "scored_at", "--labels", "animal",
                "--prediction-column", "predicted", "--score-column", "ant=p_ant", "--score-column", "bee=p_bee",
                "--score-column", "cat=p_cat", "--estimate-performance", "--format", "json"));
        assertThat(check.path("estimation").path("calibrated").asBoolean()).as("the scores need calibrating").isTrue();

        Map<Instant, QualityReport> stream = streamEstimates(
                Topics.BASELINES.valueSerde().deserializer().deserialize("baselines", Files.readAllBytes(baselineFile)), logs);

        JsonNode chunks = check.path("chunks");
        assertThat(chunks).hasSize(WINDOWS);
        for (int window = 0; window < WINDOWS; window++) {
            JsonNode chunk = chunks.get(window);
            QualityReport report = stream.get(T0.plus(WINDOW.multipliedBy(window)));
            assertThat(report).as("window %d estimated", window).isNotNull();
            assertThat(report.getEstimated().getPredictions()).isEqualTo(chunk.path("rows").asLong()).isEqualTo(PER_WINDOW);
            for (String name : METRICS) {
                JsonNode expected = chunk.path("estimated").path(name);
                assertThat(expected.path("value").isNumber()).as(what(window, name)).isTrue();
                EstimatedMetricReport actual = report.getEstimated().getMetrics().stream()
                        .filter(metric -> metric.getMetric().equals(name)).findFirst().orElseThrow();
                String what = "window " + window + " " + name;
                assertThat(actual.getValue()).as(what).isEqualTo(expected.path("value").asDouble());
                assertThat(actual.getSamplingError()).as(what).isEqualTo(expected.path("sampling_error").asDouble());
                assertThat(actual.getLower()).as(what).isEqualTo(expected.path("lower_band").asDouble());
                assertThat(actual.getUpper()).as(what).isEqualTo(expected.path("upper_band").asDouble());
                assertThat(actual.getThresholdLower()).as(what).isEqualTo(expected.path("lower_threshold").asDouble());
                assertThat(actual.getThresholdUpper()).as(what).isEqualTo(expected.path("upper_threshold").asDouble());
                assertThat(actual.getAlert()).as(what).isEqualTo(expected.path("alert").asBoolean());
            }
        }
        assertThat(report(stream, 4).getEstimated().getPositiveClass()).isEmpty();
        assertThat(chunks.get(4).path("estimated").path("accuracy").path("alert").asBoolean())
                .as("the windows shifted towards one class alert in both").isTrue();
    }

    private static String what(int window, String name) {
        return "window " + window + " " + name;
    }

    private static QualityReport report(Map<Instant, QualityReport> stream, int window) {
        return stream.get(T0.plus(WINDOW.multipliedBy(window)));
    }

    /** The last complete estimate of each window, by window start, from the stream fed {@code logs}. */
    private Map<Instant, QualityReport> streamEstimates(Baseline baseline, List<InferenceLog> logs) {
        DriftwatchConfig config = new DriftwatchConfig(Map.of("bootstrap.servers", "unused:9092",
                DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, WINDOW.toMillis(),
                DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, Duration.ofMinutes(1).toMillis(),
                DriftwatchConfig.LABELS_MAX_DELAY_MS_CONFIG, Duration.ofHours(6).toMillis(),
                DriftwatchConfig.QUALITY_UPDATE_INTERVAL_MS_CONFIG, 1_000L));
        var topology = DriftwatchTopology.build(config, new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT),
                new JsonDecoder<>(LabelMapping.canonical(), DecodeLimits.DEFAULT),
                (judgedBy, reference, window, thresholds, chosen) -> new ProfileComparator(judgedBy.withBaselineChoices(thresholds, chosen))
                        .compare(reference, window), new ConfigModelRules(config), 1, new SimpleMeterRegistry(), Clock.systemUTC());
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "multiclass-estimates-match");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, directory.resolve("state").toString());
        Map<Instant, QualityReport> complete = new HashMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, properties, T0)) {
            driver.createInputTopic("driftwatch.baselines", Serdes.String().serializer(), Topics.BASELINES.valueSerde().serializer())
                    .pipeInput("zoo/v3", baseline);
            TestInputTopic<byte[], byte[]> inferences = driver.createInputTopic("inferences", Serdes.ByteArray().serializer(),
                    Serdes.ByteArray().serializer());
            for (InferenceLog log : logs) {
                inferences.pipeInput(new TestRecord<>(null, RecordEncoders.json(log), T0));
            }
            inferences.pipeInput(new TestRecord<>(null, RecordEncoders.json(InferenceLog.newBuilder().setRequestId("closer")
                    .setModelName("zoo").setModelVersion("v3").setEventTime(T0.plus(WINDOW.multipliedBy(WINDOWS + 1)))
                    .setFeatures(Map.of()).setPrediction("ant").setClassScores(Map.of("ant", 0.8, "bee", 0.1, "cat", 0.1)).build()), T0));
            for (int i = 0; i < 4; i++) {
                driver.advanceWallClockTime(Duration.ofSeconds(1));
            }
            driver.createOutputTopic("driftwatch.quality-reports", Serdes.String().deserializer(),
                            Topics.QUALITY_REPORTS.valueSerde().deserializer()).readValuesToList().stream()
                    .filter(report -> report.getEstimated() != null && report.getEstimated().getComplete())
                    .forEach(report -> complete.put(report.getWindowStart(), report));
        }
        return complete;
    }
}
