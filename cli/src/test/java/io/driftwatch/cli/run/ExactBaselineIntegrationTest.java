package io.driftwatch.cli.run;

import io.driftwatch.broker.SharedKafkaBroker;
import io.driftwatch.cli.CommandRun;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.TestMethod;
import io.driftwatch.service.DriftwatchService;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real team's training set through a real broker: 50,000 rows of four numeric features make a baseline
 * record of several megabytes, past Kafka's default 1 MB, which the service must read from the baselines
 * topic and compare exactly with a window of 5,000 records held exactly, as {@code check} would.
 */
class ExactBaselineIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final SharedKafkaBroker broker = SharedKafkaBroker.get();
    private static final RunTopics TOPICS = new RunTopics("exact-baseline");

    @TempDir
    Path directory;

    private static void run(String... args) {
        CommandRun.succeed(args);
    }

    private static String row(Random random) {
        return String.format(Locale.ROOT, "%.2f,%d,%.6f,%.4f", 50_000 + random.nextGaussian() * 9_000, 18 + random.nextInt(60),
                random.nextDouble(), random.nextGaussian() * 3);
    }

    private Path training(Random random) throws IOException {
        StringBuilder csv = new StringBuilder("income,age,score,tenure\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(row(random)).append('\n');
        }
        return Files.writeString(directory.resolve("train.csv"), csv);
    }

    private Path traffic(Random random) throws IOException {
        StringBuilder csv = new StringBuilder("request_id,event_time,income,age,score,tenure,prediction\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append("r").append(i).append(',').append(T0.plusMillis(i * 100L)).append(',').append(row(random))
                    .append(",0.5\n");
        }
        csv.append("closer,").append(T0.plus(WINDOW.multipliedBy(3))).append(',').append(row(random)).append(",0.5\n");
        return Files.writeString(directory.resolve("traffic.csv"), csv);
    }

    @Test
    void aFiftyThousandRowBaselinePastOneMegabyteIsReadByTheServiceAndComparedExactly() throws Exception {
        Random random = new Random(5);
        String bootstrap = broker.bootstrapServers();
        run("baseline", "--model", "credit", "--model-version", "v1", "--input", training(random).toString(),
                "--bootstrap-servers", bootstrap, "--topic", TOPICS.baselines(), "--no-calibrate");
        run("produce", "--bootstrap-servers", bootstrap, "--topic", TOPICS.inferences(), "--encoding", "json",
                "--model", "credit", "--model-version", "v1", traffic(random).toString());

        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrap);
        settings.putAll(TOPICS.settings());
        settings.put(DriftwatchConfig.APPLICATION_ID_CONFIG, "exact-baseline");
        settings.put(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "1");
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(WINDOW.toMillis()));
        settings.put(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "60000");
        settings.put(DriftwatchConfig.EXACT_VALUES_CONFIG, "5000");
        List<DriftReport> reports;
        try (DriftwatchService service = DriftwatchService.start(new DriftwatchConfig(settings), new SimpleMeterRegistry(),
                Map.of("state.dir", directory.resolve("state").toString()))) {
            reports = CommittedTopic.values(bootstrap, TOPICS.driftReports(),
                    Topics.DRIFT_REPORTS.valueSerde().deserializer(),
                    found -> found.stream().anyMatch(report -> report.getModelName().equals("credit")), Duration.ofSeconds(90));
        }
        DriftReport window = reports.stream().filter(report -> report.getModelName().equals("credit")).findFirst().orElseThrow();
        assertThat(window.getRecords()).isEqualTo(5_000);
        assertThat(window.getBaselineId()).startsWith("credit/v1/");
        assertThat(window.getColumns()).extracting(column -> column.getFeature())
                .contains("income", "age", "score", "tenure");
        assertThat(window.getColumns()).filteredOn(column -> !column.getFeature().startsWith("__"))
                .allSatisfy(column -> {
                    assertThat(column.getReferenceCount()).isEqualTo(50_000);
                    assertThat(column.getTests()).isNotEmpty().allSatisfy(test -> {
                        assertThat(test.getMethod()).as(column.getFeature() + " " + test.getTest()).isNotEqualTo(TestMethod.SKETCH);
                        assertThat(test.getBound()).isNull();
                    });
                });
    }
}
