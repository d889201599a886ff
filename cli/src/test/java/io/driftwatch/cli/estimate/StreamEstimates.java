package io.driftwatch.cli.estimate;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream's side of the estimate seam tests: logged predictions through the whole topology in ten-minute windows
 * with a minute of grace, with the baseline {@code baseline --estimate-performance} wrote, and the last complete
 * estimate of each window; and the comparison of one window's estimate with {@code check}'s JSON for the same chunk.
 */
final class StreamEstimates {
    static final Duration WINDOW = Duration.ofMinutes(10);

    private StreamEstimates() {
    }

    /**
     * @param closer a prediction past the last window's grace, so every window's estimate completes
     * @return the last complete estimate of each window, by window start
     */
    static Map<Instant, QualityReport> of(Path stateDirectory, Baseline baseline, List<InferenceLog> logs, InferenceLog closer,
                                          Instant start) {
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
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "estimates-match");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
        Map<Instant, QualityReport> complete = new HashMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, properties, start)) {
            driver.createInputTopic("driftwatch.baselines", Serdes.String().serializer(), Topics.BASELINES.valueSerde().serializer())
                    .pipeInput(baseline.getModelName() + "/" + baseline.getModelVersion(), baseline);
            TestInputTopic<byte[], byte[]> inferences = driver.createInputTopic("inferences", Serdes.ByteArray().serializer(),
                    Serdes.ByteArray().serializer());
            for (InferenceLog log : logs) {
                inferences.pipeInput(new TestRecord<>(null, RecordEncoders.json(log), start));
            }
            inferences.pipeInput(new TestRecord<>(null, RecordEncoders.json(closer), start));
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

    /** Asserts that {@code report}'s estimate of {@code name} is, to the last bit, {@code check}'s in {@code chunk}. */
    static void assertSameEstimate(JsonNode chunk, QualityReport report, String name, String what) {
        JsonNode expected = chunk.path("estimated").path(name);
        assertThat(expected.path("value").isNumber()).as(what).isTrue();
        EstimatedMetricReport actual = report.getEstimated().getMetrics().stream()
                .filter(metric -> metric.getMetric().equals(name)).findFirst().orElseThrow();
        assertThat(actual.getValue()).as(what).isEqualTo(expected.path("value").asDouble());
        assertThat(actual.getSamplingError()).as(what).isEqualTo(expected.path("sampling_error").asDouble());
        assertThat(actual.getLower()).as(what).isEqualTo(expected.path("lower_band").asDouble());
        assertThat(actual.getUpper()).as(what).isEqualTo(expected.path("upper_band").asDouble());
        assertThat(actual.getThresholdLower()).as(what).isEqualTo(expected.path("lower_threshold").asDouble());
        assertThat(actual.getThresholdUpper()).as(what).isEqualTo(expected.path("upper_threshold").asDouble());
        assertThat(actual.getAlert()).as(what).isEqualTo(expected.path("alert").asBoolean());
    }
}
