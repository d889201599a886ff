package io.driftwatch.topology.performance;

import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.EstimatedPerformance;
import io.driftwatch.schemas.record.ModelTask;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.topology.policy.RankingRule;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class WindowPerformancesTest {
    private static final Instant T0 = Instant.parse("2026-12-08T00:00:00Z");
    private static final long MINUTE = 60_000;

    private static QualityReport report(int window, long labelled, Map<String, Double> metrics,
                                        @Nullable Double estimatedRocAuc) {
        Instant start = T0.plusSeconds(600L * window);
        EstimatedPerformance estimated = estimatedRocAuc == null ? null : EstimatedPerformance.newBuilder()
                .setBaselineId("b").setPositiveClass("1").setPredictions(100).setNotEstimated(0).setComplete(true)
                .setTruePositives(0).setFalsePositives(0).setFalseNegatives(0).setTrueNegatives(0)
                .setMetrics(List.of(EstimatedMetricReport.newBuilder().setMetric("roc_auc").setValue(estimatedRocAuc)
                        .setSamplingError(0.01).setLower(0).setUpper(1).setAlert(false).build()))
                .build();
        return QualityReport.newBuilder().setReportId("q" + window).setModelName("loans").setModelVersion("v1")
                .setWindowStart(start).setWindowEnd(start.plusSeconds(600)).setIsFinal(false)
                .setTask(ModelTask.CLASSIFICATION).setPredictions(100).setLabelled(labelled).setLabelCoverage(0.5)
                .setMetrics(metrics).setBaselineMetrics(Map.of("accuracy", 0.9, "roc_auc", 0.95))
                .setEstimated(estimated).build();
    }

    private static List<Long> starts(int windows) {
        return IntStream.range(0, windows).mapToObj(window -> T0.toEpochMilli() + 10 * MINUTE * window)
                .toList();
    }

    @Test
    void aLaterReportOfAWindowReplacesItsPerformanceAndAWindowWithoutLabelsHasNoRealizedValue() {
        WindowPerformances performances = WindowPerformances.EMPTY
                .with(report(0, 50, Map.of("accuracy", 0.7), 0.91))
                .with(report(0, 100, Map.of("accuracy", 0.8), 0.91))
                .with(report(1, 0, Map.of("accuracy", Double.NaN), 0.85))
                .with(report(2, 100, Map.of("accuracy", 0.6), 0.80))
                .with(report(3, 100, Map.of("accuracy", 0.9), null));

        WindowPerformances.PerformanceSeries realized = performances.series(starts(5), "accuracy",
                RankingRule.Performance.REALIZED).orElseThrow();
        assertThat(realized.valueArray()).containsExactly(0.8, Double.NaN, 0.6, 0.9, Double.NaN);
        assertThat(realized.reference()).isEqualTo(0.9);
        assertThat(performances.series(starts(5), null, RankingRule.Performance.ESTIMATED).orElseThrow())
                .satisfies(estimated -> {
                    assertThat(estimated.metric()).as("roc_auc first, where the windows have it").isEqualTo("roc_auc");
                    assertThat(estimated.valueArray()).containsExactly(0.91, 0.85, 0.80, Double.NaN, Double.NaN);
                    assertThat(estimated.reference()).isEqualTo(0.95);
                });
    }

    @Test
    void fewerThanThreeKnownWindowsOrNoBaselineValueGiveNoSeries() {
        WindowPerformances two = WindowPerformances.EMPTY.with(report(0, 100, Map.of("accuracy", 0.8), null))
                .with(report(1, 100, Map.of("accuracy", 0.7), null));
        assertThat(two.series(starts(4), "accuracy", RankingRule.Performance.REALIZED)).isEmpty();

        WindowPerformances three = two.with(report(2, 100, Map.of("accuracy", 0.6, "f1", 0.5), null));
        assertThat(three.series(starts(4), "accuracy", RankingRule.Performance.REALIZED)).isPresent();
        assertThat(three.series(starts(4), "f1", RankingRule.Performance.REALIZED)).as("the baseline has no f1").isEmpty();
    }

    @Test
    void itKeepsTheLatestHundredWindowsAndReadsBackWhatItWrote() {
        WindowPerformances performances = WindowPerformances.EMPTY;
        for (int window = 0; window < 120; window++) {
            performances = performances.with(report(window, 100, Map.of("accuracy", 0.5 + window / 1_000.0),
                    window % 2 == 0 ? 0.9 : null));
        }

        assertThat(performances.windows()).hasSize(100);
        assertThat(performances.windows().firstKey()).isEqualTo(T0.toEpochMilli() + 10 * MINUTE * 20);
        WindowPerformances read = WindowPerformancesCodec.INSTANCE.fromBytes(WindowPerformancesCodec.INSTANCE
                .toBytes(performances));
        assertThat(read).isEqualTo(performances);
    }
}
