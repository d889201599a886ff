package io.driftwatch.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.broker.SharedKafkaBroker;
import io.driftwatch.cli.CommandRun;
import io.driftwatch.schemas.record.ModelTask;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.service.DriftwatchService;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One truth for model quality: a binary model that logs one probability, its traffic and its delayed labels
 * through {@code driftwatch produce} and the running service, against {@code driftwatch baseline --labels} on the
 * labelled rows of each window. The stream's final quality report of a window must hold the metrics the file
 * gives for the same pairs, to the last bit, whether the traffic arrives live or is replayed from history with
 * every prediction before any label; no record is sent to close anything.
 */
class StreamQualityMatchesBaselineIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    private static final int WINDOWS = 2;
    private static final int PER_WINDOW = 400;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SharedKafkaBroker broker = SharedKafkaBroker.get();
    private static final RunTopics TOPICS = new RunTopics("stream-quality");

    @TempDir
    Path directory;

    private static String run(String... args) {
        return CommandRun.succeed(args);
    }

    /** How the traffic reaches the service: as it happens, or as a replay of stored history. */
    private record Traffic(String name, Duration window, Duration spacing, Duration labelDelay, Duration maxDelay,
                           boolean replay) {
    }

    @Test
    void liveTrafficGivesEachFinalWindowTheQualityBaselineLabelsGivesForTheSameRows() throws Exception {
        compareWithBaseline(new Traffic("live", Duration.ofSeconds(10), Duration.ofMillis(25), Duration.ofSeconds(2),
                Duration.ofSeconds(15), false));
    }

    @Test
    void aReplayOfHistoryWithLabelsLateInEventTimeGivesTheSameQualityAsTheRowsWithNoRecordSentToCloseIt() throws Exception {
        compareWithBaseline(new Traffic("replay", Duration.ofMinutes(10), Duration.ofMillis(1_500), Duration.ofMinutes(30),
                Duration.ofHours(1), true));
    }

    /**
     * Live: the service runs while each window's predictions and then its labels are sent, within the maximum
     * delay, and the last window becomes final through the idle close. Replay: every prediction of both windows
     * is written before any label, labels up to half an hour late in event time, and only then does the service
     * start, in end mode ({@code driftwatch.window.idle.close.mode=end}), so it reads the predictions first and
     * closes everything once the replay has been read.
     */
    private void compareWithBaseline(Traffic traffic) throws Exception {
        Random random = new Random(99);
        String bootstrap = broker.bootstrapServers();
        String inferences = traffic.name() + "-inferences";
        String labelsTopic = traffic.name() + "-labels";
        String reportsTopic = traffic.name() + "-quality-reports";
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrap);
        settings.putAll(TOPICS.settings());
        settings.put(DriftwatchConfig.APPLICATION_ID_CONFIG, "quality-seam-" + traffic.name());
        settings.put(DriftwatchConfig.INFERENCES_TOPIC_CONFIG, inferences);
        settings.put(DriftwatchConfig.LABELS_TOPIC_CONFIG, labelsTopic);
        settings.put(DriftwatchConfig.QUALITY_REPORTS_TOPIC_CONFIG, reportsTopic);
        settings.put(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "1");
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(traffic.window().toMillis()));
        settings.put(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "0");
        settings.put(DriftwatchConfig.WINDOW_IDLE_CLOSE_MS_CONFIG, "2000");
        settings.put(DriftwatchConfig.WINDOW_IDLE_CLOSE_MODE_CONFIG, traffic.replay() ? "end" : "run-on");
        settings.put(DriftwatchConfig.LABELS_ENABLED_CONFIG, "true");
        settings.put(DriftwatchConfig.LABELS_MAX_DELAY_MS_CONFIG, Long.toString(traffic.maxDelay().toMillis()));
        settings.put(DriftwatchConfig.QUALITY_UPDATE_INTERVAL_MS_CONFIG, "500");
        List<Path> labelledRows = new ArrayList<>();
        List<Path> predictionFiles = new ArrayList<>();
        List<Path> labelFiles = new ArrayList<>();
        for (int window = 0; window < WINDOWS; window++) {
            StringBuilder predictions = new StringBuilder("request_id,event_time,tenure,prediction\n");
            StringBuilder labels = new StringBuilder("request_id,event_time,label\n");
            StringBuilder pairs = new StringBuilder("prediction,label\n");
            for (int i = 0; i < PER_WINDOW; i++) {
                String id = traffic.name() + "-w" + window + "-" + i;
                Instant predictedAt = T0.plus(traffic.window().multipliedBy(window)).plus(traffic.spacing().multipliedBy(i));
                int label = random.nextDouble() < 0.3 ? 1 : 0;
                double probability = Math.min(0.99, Math.max(0.01, (label == 1 ? 0.62 : 0.35) + random.nextGaussian() * 0.2));
                String p = String.format(Locale.ROOT, "%.4f", probability);
                predictions.append(id).append(',').append(predictedAt).append(',').append(random.nextInt(60)).append(',')
                        .append(p).append('\n');
                if (i % 10 != 3) {
                    Instant labelledAt = predictedAt.plusMillis((long) (random.nextDouble() * traffic.labelDelay().toMillis()));
                    labels.append(id).append(',').append(labelledAt).append(',').append(label).append('\n');
                    pairs.append(p).append(',').append(label).append('\n');
                }
            }
            predictionFiles.add(Files.writeString(directory.resolve(traffic.name() + "-predictions-" + window + ".csv"), predictions));
            labelFiles.add(Files.writeString(directory.resolve(traffic.name() + "-labels-" + window + ".csv"), labels));
            labelledRows.add(Files.writeString(directory.resolve(traffic.name() + "-pairs-" + window + ".csv"), pairs));
        }
        if (traffic.replay()) {
            predictionFiles.forEach(file -> produce(inferences, file, false));
            labelFiles.forEach(file -> produce(labelsTopic, file, true));
        }
        List<QualityReport> finals;
        try (DriftwatchService service = DriftwatchService.start(new DriftwatchConfig(settings), new SimpleMeterRegistry(),
                Map.of("state.dir", directory.resolve("state-" + traffic.name()).toString(), "max.task.idle.ms", "500"))) {
            if (!traffic.replay()) {
                for (int window = 0; window < WINDOWS; window++) {
                    produce(inferences, predictionFiles.get(window), false);
                    produce(labelsTopic, labelFiles.get(window), true);
                }
            }
            finals = CommittedTopic.values(bootstrap, reportsTopic,
                            Topics.QUALITY_REPORTS.valueSerde().deserializer(),
                            reports -> reports.stream().filter(QualityReport::getIsFinal).count() >= WINDOWS, Duration.ofSeconds(90))
                    .stream().filter(QualityReport::getIsFinal).sorted(Comparator.comparing(QualityReport::getWindowStart)).toList();
        }
        assertThat(finals).as("one final report per window").hasSize(WINDOWS);
        for (int window = 0; window < WINDOWS; window++) {
            QualityReport stream = finals.get(window);
            assertThat(stream.getWindowStart()).isEqualTo(T0.plus(traffic.window().multipliedBy(window)));
            assertThat(stream.getPredictions()).isEqualTo(PER_WINDOW);
            assertThat(stream.getLabelled()).as("every label joined").isEqualTo(PER_WINDOW * 9 / 10);
            assertThat(stream.getUnlabelled()).isEqualTo(PER_WINDOW / 10);
            assertThat(stream.getTask()).isEqualTo(ModelTask.CLASSIFICATION);
            Path output = directory.resolve(traffic.name() + "-baseline-" + window + ".json");
            run("baseline", "--model", "churn", "--model-version", "v2", "--input", labelledRows.get(window).toString(),
                    "--labels", "label", "--prediction-column", "prediction", "--no-calibrate", "--output", output.toString());
            JsonNode quality = JSON.readTree(output.toFile()).get("quality");
            assertThat(stream.getLabelled()).isEqualTo(quality.get("labelled").asLong());
            Map<String, Double> expected = new TreeMap<>();
            quality.get("metrics").properties().forEach(metric -> expected.put(metric.getKey(), metric.getValue().asDouble()));
            assertThat(expected).as("a binary model's probability is scored as one").containsKeys("roc_auc", "log_loss", "accuracy");
            assertThat(new TreeMap<>(stream.getMetrics())).as(traffic.name() + " window " + window + ": the stream's metrics, bit for bit")
                    .isEqualTo(expected);
        }
    }

    private static void produce(String topic, Path file, boolean labels) {
        List<String> args = new ArrayList<>(List.of("produce", "--bootstrap-servers", broker.bootstrapServers(), "--topic", topic,
                "--encoding", "json", "--model", "churn"));
        args.addAll(labels ? List.of("--kind", "labels") : List.of("--model-version", "v2"));
        args.add(file.toString());
        run(args.toArray(String[]::new));
    }
}
