package io.driftwatch.cli.multivariate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.cli.CommandRun;
import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.format.JsonDecoder;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.mapping.InferenceMapping;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.MultivariateDrift;
import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.DriftwatchTopology;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.jspecify.annotations.Nullable;
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
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One truth for multivariate drift: the same rows, as a file given to {@code check --multivariate pca} with ten-minute
 * period chunks and as inference logs read by the stream in ten-minute windows, get the same PCA reconstruction
 * error, sampling error, band, thresholds and alert, chunk by window, to the last bit. The stream scores with the fit
 * {@code baseline --multivariate pca} stored, {@code check} with the fit it makes on the same reference file; the rows
 * have what a real team's have (ids, timestamps, true/false, missing numbers and categories, a category training never
 * saw, labels for the quality), and income and debt stop moving together from window 3.
 */
class MultivariateMatchesTheStreamTest {
    private static final Instant REFERENCE_START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int REFERENCE_PER_CHUNK = 400;
    private static final int WINDOWS = 5;
    private static final int PER_WINDOW = 400;
    private static final String HEADER = "rid,scored_at,income,debt,region,has_guarantor,decision,outcome\n";
    private static final List<String> REGIONS = List.of("north", "south", "east", "west");

    @TempDir
    Path directory;

    private final Random random = new Random(6);

    /** A row's values as the file spells them; null where a value is missing. */
    private record Row(String id, Instant at, @Nullable String income, @Nullable String debt, @Nullable String region,
                       boolean guarantor, String decision, String outcome) {
        String csv() {
            return String.join(",", id, at.toString(), income == null ? "" : income, debt == null ? "" : debt,
                    region == null ? "" : region, Boolean.toString(guarantor), decision, outcome) + "\n";
        }

        InferenceLog log() {
            Map<String, Object> features = new HashMap<>();
            features.put("income", income == null ? null : Double.parseDouble(income));
            features.put("debt", debt == null ? null : Double.parseDouble(debt));
            features.put("region", region);
            features.put("has_guarantor", guarantor);
            return InferenceLog.newBuilder().setRequestId(id).setModelName("loans").setModelVersion("v4").setEventTime(at)
                    .setFeatures(features).setPrediction(decision).build();
        }
    }

    /**
     * A row whose values are missing now and then; with {@code unseen}, one row in 200 names a region training never
     * saw (its share-encoding is 0, far from the near-equal shares of four regions, so such rows weigh heavily).
     */
    private Row row(String id, Instant at, double rho, boolean unseen) {
        double x = random.nextGaussian();
        double y = rho * x + Math.sqrt(1 - rho * rho) * random.nextGaussian();
        String income = String.format(Locale.ROOT, "%.2f", 52_000 + 9_000 * x);
        String debt = String.format(Locale.ROOT, "%.2f", 14_000 + 4_000 * y);
        String region = REGIONS.get(random.nextInt(REGIONS.size()));
        int flaw = random.nextInt(unseen ? 200 : 199);
        return new Row(id, at, flaw == 0 ? null : income, flaw == 1 ? null : debt,
                flaw == 2 ? null : flaw == 199 ? "atlantis" : region, random.nextBoolean(),
                decision(x, y), random.nextDouble() < 0.9 ? decision(x, y) : "decline");
    }

    private static String decision(double x, double y) {
        return 14_000 + 4_000 * y < 0.3 * (52_000 + 9_000 * x) ? "approve" : "decline";
    }

    @Test
    void everyWindowsMultivariateDriftEqualsItsChunksInCheckToTheLastBit() throws Exception {
        StringBuilder reference = new StringBuilder(HEADER);
        for (int i = 0; i < 10 * REFERENCE_PER_CHUNK; i++) {
            reference.append(row("t" + i, REFERENCE_START.plusMillis(i * 1_500L), 0.8, false).csv());
        }
        StringBuilder current = new StringBuilder(HEADER);
        List<InferenceLog> logs = new ArrayList<>();
        for (int window = 0; window < WINDOWS; window++) {
            for (int i = 0; i < PER_WINDOW; i++) {
                Row row = row("r" + window + "-" + i, T0.plus(WINDOW.multipliedBy(window)).plusMillis(i * 1_500L),
                        window >= 3 ? -0.8 : 0.8, window >= 3);
                current.append(row.csv());
                logs.add(row.log());
            }
        }
        Path referenceFile = Files.writeString(directory.resolve("reference.csv"), reference);
        Path currentFile = Files.writeString(directory.resolve("current.csv"), current);
        Path baselineFile = directory.resolve("loans-v4.avro");
        CommandRun.succeed("baseline", "--model", "loans", "--model-version", "v4", "--input", referenceFile.toString(),
                "--exclude", "rid,scored_at", "--labels", "outcome", "--prediction-column", "decision", "--multivariate", "pca",
                "--multivariate-chunk-rows", Integer.toString(REFERENCE_PER_CHUNK), "--output", baselineFile.toString());
        JsonNode check = new ObjectMapper().readTree(CommandRun.expecting(new int[] {0, 1}, "check",
                "--reference", referenceFile.toString(), "--current", currentFile.toString(), "--exclude", "rid",
                "--chunk-period", "10m", "--time-column", "scored_at", "--labels", "outcome", "--prediction-column", "decision",
                "--multivariate", "pca", "--format", "json"));

        Map<Instant, MultivariateDrift> stream = streamOf(
                Topics.BASELINES.valueSerde().deserializer().deserialize("baselines", Files.readAllBytes(baselineFile)), logs);

        JsonNode thresholds = check.path("multivariate").path("thresholds");
        JsonNode chunks = check.path("chunks");
        assertThat(chunks).hasSize(WINDOWS);
        for (int window = 0; window < WINDOWS; window++) {
            JsonNode chunk = chunks.get(window).path("multivariate");
            MultivariateDrift drift = stream.get(T0.plus(WINDOW.multipliedBy(window)));
            String as = "window " + window;
            assertThat(drift).as(as).isNotNull();
            assertThat(drift.getRows()).as(as).isEqualTo(chunks.get(window).path("rows").asLong()).isEqualTo(PER_WINDOW);
            assertThat(drift.getValue()).as(as + " value").isEqualTo(chunk.path("value").asDouble());
            assertThat(drift.getSamplingError()).as(as + " sampling error").isEqualTo(chunk.path("sampling_error").asDouble());
            assertThat(drift.getLower()).as(as + " band").isEqualTo(chunk.path("lower_band").asDouble());
            assertThat(drift.getUpper()).as(as + " band").isEqualTo(chunk.path("upper_band").asDouble());
            assertThat(drift.getThresholdLower()).as(as + " thresholds").isEqualTo(thresholds.path("lower").asDouble());
            assertThat(drift.getThresholdUpper()).as(as + " thresholds").isEqualTo(thresholds.path("upper").asDouble());
            assertThat(drift.getAlert()).as(as + " alert").isEqualTo(chunk.path("alert").asBoolean()).isEqualTo(window >= 3);
        }
        List<String> columns = new ArrayList<>();
        check.path("multivariate").path("columns").forEach(column -> columns.add(column.asText()));
        assertThat(stream.get(T0).getFeatures()).as("the same features, in the same order").isEqualTo(columns);
    }

    private Map<Instant, MultivariateDrift> streamOf(io.driftwatch.schemas.record.Baseline baseline, List<InferenceLog> logs) {
        DriftwatchConfig config = new DriftwatchConfig(Map.of("bootstrap.servers", "unused:9092",
                DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, WINDOW.toMillis(), DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, 0L));
        var topology = DriftwatchTopology.build(config, new JsonDecoder<>(InferenceMapping.canonical(), DecodeLimits.DEFAULT),
                null, (judgedBy, reference, current, thresholds, chosen) ->
                        new ProfileComparator(judgedBy.withBaselineChoices(thresholds, chosen)).compare(reference, current),
                1, new SimpleMeterRegistry(), Clock.systemUTC());
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "multivariate-seam");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, directory.resolve("state").toString());
        Map<Instant, MultivariateDrift> drifts = new HashMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, properties)) {
            driver.createInputTopic("driftwatch.baselines", Serdes.String().serializer(),
                    Topics.BASELINES.valueSerde().serializer()).pipeInput("loans/v4", baseline);
            TestInputTopic<byte[], byte[]> input = driver.createInputTopic("inferences", Serdes.ByteArray().serializer(),
                    Serdes.ByteArray().serializer());
            for (InferenceLog log : logs) {
                input.pipeInput(new TestRecord<>(null, RecordEncoders.json(log), log.getEventTime()));
            }
            InferenceLog closer = row("closer", T0.plus(WINDOW.multipliedBy(WINDOWS + 1)), 0.8, false).log();
            input.pipeInput(new TestRecord<>(null, RecordEncoders.json(closer), closer.getEventTime()));
            for (DriftReport report : driver.createOutputTopic("driftwatch.drift-reports", Serdes.String().deserializer(),
                    Topics.DRIFT_REPORTS.valueSerde().deserializer()).readValuesToList()) {
                drifts.put(report.getWindowStart(), report.getMultivariate());
            }
        }
        return drifts;
    }
}
