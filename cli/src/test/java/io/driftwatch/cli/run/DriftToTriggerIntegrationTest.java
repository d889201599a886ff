package io.driftwatch.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.broker.SharedKafkaBroker;
import io.driftwatch.cli.CommandRun;
import io.driftwatch.cli.SettledTriggers;
import io.driftwatch.service.DriftwatchService;
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
 * The user's path through a real broker: a baseline published with {@code driftwatch baseline}, traffic
 * replayed with {@code driftwatch produce} in which the inputs shift at a known time, the service running
 * with exactly-once, and the triggers read back with {@code driftwatch triggers} (read_committed): one
 * trigger, for exactly the two windows after the shift.
 */
class DriftToTriggerIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int SHIFTED_FROM_WINDOW = 4;
    // The one class sharing the broker with the default topic names: the user's path with no topic setting.
    private static final SharedKafkaBroker broker = SharedKafkaBroker.get();

    @TempDir
    Path directory;

    private static String run(String... args) {
        return CommandRun.succeed(args);
    }

    private Path training(Random random) throws IOException {
        StringBuilder csv = new StringBuilder("age,country\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(String.format(Locale.ROOT, "%.3f,%s%n", 40 + random.nextGaussian() * 5, List.of("NO", "SE", "DK").get(random.nextInt(3))));
        }
        return Files.writeString(directory.resolve("train.csv"), csv);
    }

    private Path traffic(Random random) throws IOException {
        StringBuilder csv = new StringBuilder("request_id,event_time,age,country,prediction\n");
        int id = 0;
        for (int window = 0; window < 8; window++) {
            double shift = window >= SHIFTED_FROM_WINDOW ? 15 : 0;
            for (int i = 0; i < 300; i++) {
                Instant time = T0.plus(WINDOW.multipliedBy(window)).plusMillis(i * 1_000L);
                double age = 40 + shift + random.nextGaussian() * 5;
                csv.append(String.format(Locale.ROOT, "r%d,%s,%.3f,%s,%.4f%n", id++, time, age,
                        List.of("NO", "SE", "DK").get(random.nextInt(3)), age / 100));
            }
        }
        csv.append(String.format(Locale.ROOT, "closer,%s,40,NO,0.4%n", T0.plus(WINDOW.multipliedBy(12))));
        return Files.writeString(directory.resolve("traffic.csv"), csv);
    }

    @Test
    void aShiftInjectedAtAKnownTimeTriggersOnceForExactlyTheTwoWindowsAfterIt() throws Exception {
        Random random = new Random(11);
        String bootstrap = broker.bootstrapServers();
        run("baseline", "--model", "fraud", "--model-version", "v3", "--input", training(random).toString(), "--bootstrap-servers", bootstrap);
        run("produce", "--bootstrap-servers", bootstrap, "--topic", "inferences", "--encoding", "json",
                "--model", "fraud", "--model-version", "v3", traffic(random).toString());

        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrap);
        settings.put(DriftwatchConfig.APPLICATION_ID_CONFIG, "drift-to-trigger");
        settings.put(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "1");
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(WINDOW.toMillis()));
        settings.put(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "60000");
        settings.put(DriftwatchConfig.WINDOW_MIN_RECORDS_CONFIG, "50");
        List<String> lines;
        try (DriftwatchService service = DriftwatchService.start(new DriftwatchConfig(settings), new SimpleMeterRegistry(),
                Map.of("state.dir", directory.resolve("state").toString()))) {
            lines = SettledTriggers.read(() -> run("triggers", "--bootstrap-servers", bootstrap).lines().toList(), Duration.ofSeconds(90));
        }
        assertThat(lines).as("exactly one trigger").hasSize(1);
        JsonNode trigger = new ObjectMapper().readTree(lines.get(0));
        assertThat(trigger.get("model").asText()).isEqualTo("fraud");
        assertThat(trigger.get("rule").asText()).isEqualTo("dataset_drift");
        assertThat(trigger.get("windows").findValuesAsText("start")).containsExactly(
                T0.plus(WINDOW.multipliedBy(SHIFTED_FROM_WINDOW)).toString(),
                T0.plus(WINDOW.multipliedBy(SHIFTED_FROM_WINDOW + 1)).toString());
        assertThat(trigger.get("evidence").get(0).get("feature").asText()).isIn("age", "__prediction__");
    }
}
