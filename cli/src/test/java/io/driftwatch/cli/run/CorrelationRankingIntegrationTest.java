package io.driftwatch.cli.run;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.cli.CommandRun;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.FeatureRanking;
import io.driftwatch.schemas.record.RankedFeature;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loan model end to end through the commands a team runs and a real broker, its policy asking for the correlation
 * ranking: income shifts in three windows and the model's accuracy falls with it, while the channel collapses to one
 * value in three others and the model does not mind. Each window's labels come before the next window's traffic, so
 * its quality report is on its topic when the next window closes it; the drift stage reads those reports back (the
 * global store of window performance) and ranks income first, by its correlation with the accuracy drop, where an
 * alert count would tie it with the channel.
 */
class CorrelationRankingIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int PER_WINDOW = 300;
    private static final double[] INCOME_SHIFT = {0, 0, 1.5, 0, 2.5, 1.0, 0, 0};
    private static final boolean[] CHANNEL_COLLAPSES = {false, true, false, true, false, false, true, false};
    private static final double[] ACCURACY = {0.90, 0.90, 0.78, 0.89, 0.66, 0.83, 0.90, 0.90};
    private static final String POLICY = """
            model: loans
            alerts: {ranking: {method: correlation, metric: accuracy}}
            """;

    @AutoClose
    private static final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();

    @TempDir
    Path directory;

    private final Random random = new Random(41);

    private String row(String id, Instant at, double incomeShift, boolean channelCollapses, String decision) {
        String channel = channelCollapses ? "branch" : List.of("web", "app", "branch").get(random.nextInt(3));
        return String.format(Locale.ROOT, "%s,%s,%.2f,%s,%d,%s", id, at, 52_000 + (incomeShift + random.nextGaussian())
                * 9_000, channel, 1 + random.nextInt(60), decision);
    }

    /** 6,000 labelled training rows, the model right 90% of the time. */
    private Path training() throws IOException {
        StringBuilder csv = new StringBuilder("rid,applied_at,income,channel,tenure,decision,outcome\n");
        for (int i = 0; i < 6_000; i++) {
            String decision = i % 2 == 0 ? "approve" : "decline";
            String outcome = i % 10 == 0 ? (decision.equals("approve") ? "decline" : "approve") : decision;
            csv.append(row("t" + i, T0.minus(Duration.ofDays(30)).plusSeconds(i * 60L), 0, false, decision))
                    .append(',').append(outcome).append('\n');
        }
        return Files.writeString(directory.resolve("training.csv"), csv);
    }

    /** Window {@code window}'s applications and, separately, their outcomes a minute after each. */
    private List<Path> window(int window) throws IOException {
        StringBuilder predictions = new StringBuilder("rid,applied_at,income,channel,tenure,decision\n");
        StringBuilder labels = new StringBuilder("rid,decided_at,outcome\n");
        int wrong = (int) Math.round(PER_WINDOW * (1 - ACCURACY[window]));
        for (int i = 0; i < PER_WINDOW; i++) {
            Instant at = T0.plus(WINDOW.multipliedBy(window)).plusSeconds(i * 2L);
            String id = "a" + window + "-" + i;
            String decision = i % 2 == 0 ? "approve" : "decline";
            predictions.append(row(id, at, INCOME_SHIFT[window], CHANNEL_COLLAPSES[window], decision)).append('\n');
            String outcome = i < wrong ? (decision.equals("approve") ? "decline" : "approve") : decision;
            labels.append(id).append(',').append(at.plusSeconds(60)).append(',').append(outcome).append('\n');
        }
        return List.of(Files.writeString(directory.resolve("applications-" + window + ".csv"), predictions),
                Files.writeString(directory.resolve("outcomes-" + window + ".csv"), labels));
    }

    @Test
    void theFeatureWhoseDriftCameWithTheAccuracyDropsLeadsTheRankingAndTheAlert() throws Exception {
        Map<String, Object> settings = Map.of("bootstrap.servers", broker.bootstrapServers(),
                DriftwatchConfig.APPLICATION_ID_CONFIG, "correlation-ranking",
                DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "1",
                DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(WINDOW.toMillis()),
                DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "60000",
                DriftwatchConfig.LABELS_ENABLED_CONFIG, "true",
                DriftwatchConfig.LABELS_MAX_DELAY_MS_CONFIG, Long.toString(Duration.ofHours(2).toMillis()),
                DriftwatchConfig.QUALITY_UPDATE_INTERVAL_MS_CONFIG, "300");
        Path config = ConfigFile.write(directory, settings);
        CommandRun.succeed("baseline", "--model", "loans", "--model-version", "v3", "--input", training().toString(),
                "--exclude", "rid,applied_at", "--labels", "outcome", "--prediction-column", "decision",
                "--calibration-chunk-rows", Integer.toString(PER_WINDOW), "--config", config.toString());
        CommandRun.succeed("policy", "publish", Files.writeString(directory.resolve("loans.yaml"), POLICY).toString(),
                "--config", config.toString());

        DriftwatchConfig driftwatch = new DriftwatchConfig(settings);
        List<DriftReport> reports;
        List<AlertEvent> alerts;
        try (DriftwatchService service = DriftwatchService.start(driftwatch, new SimpleMeterRegistry(),
                Map.of("state.dir", directory.resolve("state").toString(), "commit.interval.ms", "200"),
                new PolicyModelRules(driftwatch))) {
            for (int window = 0; window < INCOME_SHIFT.length; window++) {
                List<Path> files = window(window);
                CommandRun.succeed("produce", "--config", config.toString(), "--encoding", "json", "--kind", "inferences",
                        "--model", "loans", "--model-version", "v3", "--id-column", "rid", "--time-column", "applied_at",
                        "--prediction-column", "decision", files.get(0).toString());
                CommandRun.succeed("produce", "--config", config.toString(), "--encoding", "json", "--kind", "labels",
                        "--model", "loans", "--id-column", "rid", "--time-column", "decided_at", "--label-column",
                        "outcome", files.get(1).toString());
                Instant start = T0.plus(WINDOW.multipliedBy(window));
                CommittedTopic.values(broker.bootstrapServers(), "driftwatch.quality-reports",
                        Topics.QUALITY_REPORTS.valueSerde().deserializer(), quality -> quality.stream()
                                .anyMatch(report -> report.getWindowStart().equals(start)
                                        && report.getLabelled() == PER_WINDOW), Duration.ofSeconds(60));
            }
            Instant lastJudged = T0.plus(WINDOW.multipliedBy(INCOME_SHIFT.length - 2));
            reports = CommittedTopic.values(broker.bootstrapServers(), "driftwatch.drift-reports",
                    Topics.DRIFT_REPORTS.valueSerde().deserializer(), drift -> drift.stream()
                            .anyMatch(report -> report.getWindowStart().equals(lastJudged)), Duration.ofSeconds(60));
            alerts = CommittedTopic.values(broker.bootstrapServers(), "driftwatch.alerts",
                    Topics.ALERTS.valueSerde().deserializer(), events -> events.stream()
                            .anyMatch(alert -> alert.getWindowStart().equals(lastJudged)), Duration.ofSeconds(30));
        }

        DriftReport last = reports.stream().filter(report -> report.getWindowStart()
                .equals(T0.plus(WINDOW.multipliedBy(INCOME_SHIFT.length - 2)))).findFirst().orElseThrow();
        FeatureRanking ranking = last.getFeatureRanking();
        assertThat(ranking.getMethod()).isEqualTo("correlation");
        assertThat(ranking.getMetric()).isEqualTo("accuracy");
        assertThat(ranking.getPerformance()).isEqualTo("realized");
        assertThat(ranking.getWindows()).isEqualTo(7);
        RankedFeature first = ranking.getFeatures().get(0);
        assertThat(first.getFeature()).isEqualTo("income");
        assertThat(first.getAlerts()).isEqualTo(3);
        assertThat(first.getCorrelation()).isGreaterThan(0.8);
        RankedFeature channel = ranking.getFeatures().stream().filter(feature -> feature.getFeature().equals("channel"))
                .findFirst().orElseThrow();
        assertThat(channel.getAlerts()).as("as many alerts as income").isEqualTo(3);
        assertThat(channel.getRank()).isGreaterThan(first.getRank());
        assertThat(reports.get(0).getFeatureRanking().getMethod()).as("window 0: one window's performance known")
                .isEqualTo("alert_count");

        AlertEvent alert = alerts.stream().filter(event -> event.getWindowStart().equals(last.getWindowStart())
                && event.getRanking() != null).findFirst().orElseThrow();
        assertThat(alert.getRanking())
                .isEqualTo("correlation of drift with the change in realized accuracy over the last 7 windows");
    }
}
