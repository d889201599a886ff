package io.driftwatch.cli.run;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.cli.CommandRun;
import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.service.DriftwatchService;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.policy.PolicyModelRules;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A binary churn model, end to end through the commands a team runs and a real broker: its baseline is built with
 * {@code driftwatch baseline --estimate-performance} on a labelled validation file, its policy asks for the
 * estimated-quality rule, and its traffic is produced with {@code driftwatch produce}. From window 3 on the model's
 * scores crowd around 0.5 (it no longer knows): the estimated-quality trigger of window 3 is committed while no label
 * has been produced at all, exactly once. Then the labels come, and the final quality reports show the realized
 * accuracy of the shifted windows below the threshold the estimate was judged by, beside the estimate.
 */
class EstimatedQualityTriggerIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration MAX_DELAY = Duration.ofHours(2);
    private static final int WINDOWS = 6;
    private static final int SHIFT_FROM_WINDOW = 3;
    private static final int PER_WINDOW = 200;
    private static final Deserializer<QualityReport> REPORTS = Topics.QUALITY_REPORTS.valueSerde().deserializer();
    private static final String POLICY = """
            model: churn
            versions: "*"
            triggers: {estimated_quality: {metric: accuracy, min_predictions: 100}}
            """;

    // A broker of its own: which window's estimate is judged first must not depend on other classes' traffic.
    @AutoClose
    private static final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();

    @TempDir
    Path directory;

    private final Random random = new Random(29);

    /** A calibrated model on 5,000 validation rows: label 1 with the probability the score says. */
    private Path validation() throws IOException {
        StringBuilder csv = new StringBuilder("rid,tenure,predicted,p_churn,churned\n");
        for (int i = 0; i < 5_000; i++) {
            double score = random.nextDouble();
            csv.append(String.format(Locale.ROOT, "v%d,%d,%d,%.6f,%d%n", i, 1 + random.nextInt(60), score >= 0.5 ? 1 : 0,
                    score, random.nextDouble() < score ? 1 : 0));
        }
        return Files.writeString(directory.resolve("validation.csv"), csv);
    }

    /**
     * Six windows of predictions, confident until window 3 and near 0.5 from then on, and a last row past the sixth
     * window's grace; the true labels, for later, with times up to 90 minutes after their predictions.
     */
    private List<Path> traffic() throws IOException {
        StringBuilder predictions = new StringBuilder("rid,scored_at,tenure,predicted,p_churn\n");
        StringBuilder labels = new StringBuilder("rid,labelled_at,churned\n");
        for (int window = 0; window < WINDOWS; window++) {
            for (int i = 0; i < PER_WINDOW; i++) {
                double score = window >= SHIFT_FROM_WINDOW ? 0.4 + 0.2 * random.nextDouble() : random.nextDouble();
                Instant at = T0.plus(WINDOW.multipliedBy(window)).plusMillis(i * 2_500L);
                String id = "r" + window + "-" + i;
                predictions.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.6f%n", id, at, 1 + random.nextInt(60),
                        score >= 0.5 ? 1 : 0, score));
                labels.append(String.format(Locale.ROOT, "%s,%s,%d%n", id, at.plusSeconds(60 + random.nextInt(5_400)),
                        random.nextDouble() < score ? 1 : 0));
            }
        }
        for (int i = 0; i < 16; i++) {
            predictions.append(String.format(Locale.ROOT, "closer-%d,%s,30,1,0.9%n", i,
                    T0.plus(WINDOW.multipliedBy(WINDOWS)).plus(Duration.ofMinutes(2))));
        }
        Instant closing = T0.plus(WINDOW.multipliedBy(WINDOWS + 1)).plus(MAX_DELAY).plus(Duration.ofMinutes(5));
        StringBuilder closers = new StringBuilder("rid,scored_at,tenure,predicted,p_churn\n");
        StringBuilder closingLabels = new StringBuilder("rid,labelled_at,churned\n");
        for (int i = 0; i < 16; i++) {
            closers.append(String.format(Locale.ROOT, "late-closer-%d,%s,30,1,0.9%n", i, closing));
            closingLabels.append(String.format(Locale.ROOT, "closing-label-%d,%s,1%n", i, closing));
        }
        return List.of(Files.writeString(directory.resolve("predictions.csv"), predictions),
                Files.writeString(directory.resolve("labels.csv"), sortedByTime(labels.toString())),
                Files.writeString(directory.resolve("closers.csv"), closers),
                Files.writeString(directory.resolve("closing-labels.csv"), closingLabels));
    }

    private static String sortedByTime(String csv) {
        List<String> lines = new ArrayList<>(csv.lines().toList());
        String header = lines.remove(0);
        lines.sort(Comparator.comparing(line -> line.substring(line.indexOf(',') + 1, line.lastIndexOf(','))));
        return header + "\n" + String.join("\n", lines) + "\n";
    }

    private static void produce(Path config, String kind, Path file) {
        List<String> args = new ArrayList<>(List.of("produce", "--config", config.toString(), "--encoding", "json",
                "--kind", kind, "--model", "churn", "--id-column", "rid"));
        if (kind.equals("inferences")) {
            args.addAll(List.of("--model-version", "v7", "--time-column", "scored_at", "--prediction-column", "predicted",
                    "--score-column", "p_churn", "--positive-class", "1"));
        } else {
            args.addAll(List.of("--time-column", "labelled_at", "--label-column", "churned"));
        }
        args.add(file.toString());
        CommandRun.succeed(args.toArray(String[]::new));
    }

    private static EstimatedMetricReport accuracy(QualityReport report) {
        return report.getEstimated().getMetrics().stream().filter(metric -> metric.getMetric().equals("accuracy"))
                .findFirst().orElseThrow();
    }

    private static int windowOf(QualityReport report) {
        return (int) Duration.between(T0, report.getWindowStart()).dividedBy(WINDOW);
    }

    @Test
    void aModelThatLostItsConfidenceTriggersOnItsEstimateBeforeAnyLabelAndTheLabelsConfirmIt() throws Exception {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put(DriftwatchConfig.APPLICATION_ID_CONFIG, "estimated-quality");
        settings.put(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "2");
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(WINDOW.toMillis()));
        settings.put(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "60000");
        settings.put(DriftwatchConfig.TRIGGER_CONSECUTIVE_WINDOWS_CONFIG, "100");
        settings.put(DriftwatchConfig.LABELS_ENABLED_CONFIG, "true");
        settings.put(DriftwatchConfig.LABELS_MAX_DELAY_MS_CONFIG, Long.toString(MAX_DELAY.toMillis()));
        settings.put(DriftwatchConfig.QUALITY_UPDATE_INTERVAL_MS_CONFIG, "500");
        Path config = ConfigFile.write(directory, settings);
        String baseline = CommandRun.succeed("baseline", "--model", "churn", "--model-version", "v7", "--input",
                validation().toString(), "--exclude", "rid", "--labels", "churned", "--prediction-column", "predicted",
                "--score-column", "p_churn", "--positive-class", "1", "--estimate-performance", "--config", config.toString());
        assertThat(baseline).contains("Published to");
        Path policy = Files.writeString(directory.resolve("churn.yaml"), POLICY);
        CommandRun.succeed("policy", "publish", policy.toString(), "--config", config.toString());
        List<Path> files = traffic();

        DriftwatchConfig driftwatch = new DriftwatchConfig(settings);
        List<RetrainingTrigger> beforeLabels;
        List<QualityReport> finals;
        try (DriftwatchService service = DriftwatchService.start(driftwatch, new SimpleMeterRegistry(),
                Map.of("state.dir", directory.resolve("state").toString(), "commit.interval.ms", "200"),
                new PolicyModelRules(driftwatch))) {
            produce(config, "inferences", files.get(0));
            beforeLabels = CommittedTopic.values(broker.bootstrapServers(), "driftwatch.triggers",
                    Topics.TRIGGERS.valueSerde().deserializer(), triggers -> triggers.stream()
                            .anyMatch(trigger -> trigger.getRule().equals("estimated_quality")), Duration.ofSeconds(90));
            List<QualityReport> estimated = CommittedTopic.values(broker.bootstrapServers(), "driftwatch.quality-reports",
                    REPORTS, reports -> reports.stream().filter(report -> report.getEstimated() != null
                            && report.getEstimated().getComplete()).map(QualityReport::getWindowStart).distinct().count() >= WINDOWS,
                    Duration.ofSeconds(30));
            assertThat(estimated).as("no label produced yet").allSatisfy(report -> assertThat(report.getLabelled()).isZero());

            produce(config, "labels", files.get(1));
            CommittedTopic.values(broker.bootstrapServers(), "driftwatch.quality-reports", REPORTS, reports -> reports.stream()
                    .filter(report -> report.getLabelled() == PER_WINDOW).map(QualityReport::getWindowStart).distinct()
                    .count() >= WINDOWS, Duration.ofSeconds(90));
            produce(config, "inferences", files.get(2));
            produce(config, "labels", files.get(3));
            finals = CommittedTopic.values(broker.bootstrapServers(), "driftwatch.quality-reports", REPORTS,
                            reports -> reports.stream().filter(QualityReport::getIsFinal).filter(report -> windowOf(report) < WINDOWS)
                                    .count() >= WINDOWS, Duration.ofMinutes(2))
                    .stream().filter(QualityReport::getIsFinal).filter(report -> windowOf(report) < WINDOWS)
                    .sorted(Comparator.comparing(QualityReport::getWindowStart)).toList();
        }

        List<RetrainingTrigger> estimatedTriggers = beforeLabels.stream()
                .filter(trigger -> trigger.getRule().equals("estimated_quality")).toList();
        assertThat(estimatedTriggers).as("one trigger, for the first window after the shift, before any label").hasSize(1);
        assertThat(estimatedTriggers.get(0).getWindows().get(0).getStart()).isEqualTo(T0.plus(WINDOW.multipliedBy(SHIFT_FROM_WINDOW)));
        assertThat(estimatedTriggers.get(0).getPolicyId()).isNotEqualTo("defaults");

        assertThat(finals).hasSize(WINDOWS);
        for (QualityReport report : finals) {
            int window = windowOf(report);
            EstimatedMetricReport estimate = accuracy(report);
            double realized = report.getMetrics().get("accuracy");
            assertThat(report.getLabelled()).as("window %d labelled", window).isEqualTo(PER_WINDOW);
            assertThat(estimate.getRealized()).as("window %d: realized beside the estimate", window).isEqualTo(realized);
            if (window >= SHIFT_FROM_WINDOW) {
                assertThat(estimate.getAlert()).as("window %d estimate alerts", window).isTrue();
                assertThat(realized).as("window %d: the labels confirm it", window).isLessThan(estimate.getThresholdLower());
            } else {
                assertThat(estimate.getAlert()).as("window %d estimate within its thresholds", window).isFalse();
                assertThat(Math.abs(estimate.getValue() - realized)).as("window %d: estimate near the realized", window)
                        .isLessThan(0.1);
            }
        }
        List<RetrainingTrigger> all = CommittedTopic.values(broker.bootstrapServers(), "driftwatch.triggers",
                Topics.TRIGGERS.valueSerde().deserializer(), triggers -> false, Duration.ofSeconds(3));
        assertThat(all.stream().filter(trigger -> !trigger.getRule().equals("dataset_drift")))
                .as("the labels confirming it add no second trigger").hasSize(1);
    }
}
