package io.driftwatch.cli.run;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.cli.CommandRun;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.MultivariateDrift;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.service.DriftwatchService;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.policy.PolicyModelRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loan model end to end through the commands a team runs and a real broker: its baseline is built with
 * {@code driftwatch baseline --multivariate pca} on its training file, its policy asks for the multivariate rule,
 * and its traffic is produced with {@code driftwatch produce}. From window 3 on, income and debt, which rose together
 * in training, move against each other while each keeps its own distribution: no feature's own test drifts, the
 * windows' PCA reconstruction error leaves the band of the training chunks, and one {@code multivariate_drift}
 * trigger is committed, for window 3.
 */
class MultivariateDriftIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int WINDOWS = 5;
    private static final int FLIP_FROM_WINDOW = 3;
    private static final int PER_WINDOW = 400;
    private static final List<String> REGIONS = List.of("north", "south", "east", "west");
    private static final String POLICY = """
            model: loans
            versions: "*"
            triggers: {multivariate_drift: {}}
            """;

    @AutoClose
    private static final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();

    @TempDir
    Path directory;

    private final Random random = new Random(11);

    /** income, debt correlated by {@code rho}, a region, a boolean, and the model's decision. */
    private String row(double rho) {
        double x = random.nextGaussian();
        double y = rho * x + Math.sqrt(1 - rho * rho) * random.nextGaussian();
        double income = 52_000 + 9_000 * x;
        double debt = 14_000 + 4_000 * y;
        return String.format(Locale.ROOT, "%.2f,%.2f,%s,%s,%s", income, debt, REGIONS.get(random.nextInt(REGIONS.size())),
                random.nextBoolean(), debt / income < 0.3 ? "approve" : "decline");
    }

    private Path training() throws IOException {
        StringBuilder csv = new StringBuilder("rid,income,debt,region,has_guarantor,decision\n");
        for (int i = 0; i < 25 * PER_WINDOW; i++) {
            csv.append("t").append(i).append(',').append(row(0.8)).append('\n');
        }
        return Files.writeString(directory.resolve("training.csv"), csv);
    }

    private Path traffic() throws IOException {
        StringBuilder csv = new StringBuilder("rid,scored_at,income,debt,region,has_guarantor,decision\n");
        for (int window = 0; window < WINDOWS; window++) {
            for (int i = 0; i < PER_WINDOW; i++) {
                Instant at = T0.plus(WINDOW.multipliedBy(window)).plusMillis(i * 1_400L);
                csv.append("r").append(window).append('-').append(i).append(',').append(at).append(',')
                        .append(row(window >= FLIP_FROM_WINDOW ? -0.8 : 0.8)).append('\n');
            }
        }
        for (int i = 0; i < 8; i++) {
            csv.append("closer-").append(i).append(',').append(T0.plus(WINDOW.multipliedBy(WINDOWS + 1)).plusSeconds(90))
                    .append(',').append(row(0.8)).append('\n');
        }
        return Files.writeString(directory.resolve("traffic.csv"), csv);
    }

    private static int windowOf(DriftReport report) {
        return (int) Duration.between(T0, report.getWindowStart()).dividedBy(WINDOW);
    }

    @Test
    void featuresThatStopMovingTogetherRaiseMultivariateDriftAndOneTriggerWhileNoFeatureDriftsOnItsOwn() throws Exception {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put(DriftwatchConfig.APPLICATION_ID_CONFIG, "multivariate-drift");
        settings.put(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "2");
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(WINDOW.toMillis()));
        settings.put(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "60000");
        Path config = ConfigFile.write(directory, settings);
        String baseline = CommandRun.succeed("baseline", "--model", "loans", "--model-version", "v2", "--input",
                training().toString(), "--exclude", "rid", "--prediction-column", "decision", "--multivariate", "pca",
                "--multivariate-chunk-rows", Integer.toString(PER_WINDOW), "--calibration-chunk-rows", Integer.toString(PER_WINDOW),
                "--config", config.toString());
        assertThat(baseline).contains("Published to");
        Path policy = Files.writeString(directory.resolve("loans.yaml"), POLICY);
        CommandRun.succeed("policy", "publish", policy.toString(), "--config", config.toString());
        Path traffic = traffic();

        DriftwatchConfig driftwatch = new DriftwatchConfig(settings);
        List<DriftReport> reports;
        List<RetrainingTrigger> triggers;
        List<AlertEvent> alerts;
        try (DriftwatchService service = DriftwatchService.start(driftwatch, new SimpleMeterRegistry(),
                Map.of("state.dir", directory.resolve("state").toString(), "commit.interval.ms", "200"),
                new PolicyModelRules(driftwatch))) {
            CommandRun.succeed("produce", "--config", config.toString(), "--encoding", "json", "--kind", "inferences",
                    "--model", "loans", "--model-version", "v2", "--id-column", "rid", "--time-column", "scored_at",
                    "--prediction-column", "decision", traffic.toString());
            reports = CommittedTopic.values(broker.bootstrapServers(), "driftwatch.drift-reports",
                    Topics.DRIFT_REPORTS.valueSerde().deserializer(), values -> values.stream()
                            .filter(report -> report.getModelName().equals("loans")).count() >= WINDOWS,
                    Duration.ofSeconds(90));
            triggers = CommittedTopic.values(broker.bootstrapServers(), "driftwatch.triggers",
                    Topics.TRIGGERS.valueSerde().deserializer(), values -> false, Duration.ofSeconds(3));
            alerts = CommittedTopic.values(broker.bootstrapServers(), "driftwatch.alerts",
                    Topics.ALERTS.valueSerde().deserializer(), values -> false, Duration.ofSeconds(1));
        }

        List<DriftReport> windows = reports.stream().filter(report -> windowOf(report) < WINDOWS)
                .sorted(Comparator.comparing(DriftReport::getWindowStart)).toList();
        assertThat(windows).hasSize(WINDOWS);
        for (DriftReport report : windows) {
            int window = windowOf(report);
            MultivariateDrift multivariate = report.getMultivariate();
            assertThat(multivariate).as("window %d has multivariate drift", window).isNotNull();
            assertThat(multivariate.getRows()).as("window %d scored every inference", window).isEqualTo(PER_WINDOW);
            assertThat(multivariate.getFeatures()).containsExactlyInAnyOrder("income", "debt", "region", "has_guarantor");
            assertThat(multivariate.getAlert()).as("window %d alerts: %s", window, multivariate).isEqualTo(window >= FLIP_FROM_WINDOW);
            assertThat(report.getColumns()).as("window %d: no feature drifts on its own", window)
                    .filteredOn(column -> !column.getFeature().equals("__prediction__"))
                    .filteredOn(column -> column.getVerdict() == DriftVerdict.DRIFT).isEmpty();
        }
        assertThat(triggers).as("one multivariate trigger, for the first window after the flip").singleElement()
                .satisfies(trigger -> {
                    assertThat(trigger.getRule()).isEqualTo("multivariate_drift");
                    assertThat(trigger.getWindows().get(0).getStart()).isEqualTo(T0.plus(WINDOW.multipliedBy(FLIP_FROM_WINDOW)));
                    assertThat(trigger.getPolicyId()).isNotEqualTo("defaults");
                });
        assertThat(alerts).filteredOn(alert -> alert.getMultivariate() != null)
                .extracting(alert -> (int) Duration.between(T0, alert.getWindowStart()).dividedBy(WINDOW))
                .containsExactly(FLIP_FROM_WINDOW, FLIP_FROM_WINDOW + 1);
    }
}
