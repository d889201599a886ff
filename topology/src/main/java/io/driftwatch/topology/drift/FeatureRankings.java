package io.driftwatch.topology.drift;

import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.FeatureRanking;
import io.driftwatch.schemas.record.RankedFeature;
import io.driftwatch.stats.rank.AlertCountRanking;
import io.driftwatch.stats.rank.CorrelationRanking;
import io.driftwatch.topology.performance.WindowPerformances;
import io.driftwatch.topology.policy.RankingRule;
import io.driftwatch.topology.trigger.TriggerDecider;
import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A window's feature ranking over the model version's last windows, this one included, written into its drift report:
 * NannyML's alert-count ranking ({@link AlertCountRanking}), or its correlation ranking ({@link CorrelationRanking})
 * when the policy asks for it and enough of those windows have a known performance; and the history it ranks over,
 * with this window.
 */
final class FeatureRankings {
    static final String ALERT_COUNT = RankingRule.Method.ALERT_COUNT.policyName();
    static final String CORRELATION = RankingRule.Method.CORRELATION.policyName();

    private FeatureRankings() {
    }

    /** {@code history} with the report's window last, at most {@code keep} windows. */
    static FeatureHistory record(FeatureHistory history, DriftReport report, int keep) {
        Map<String, FeatureHistory.FeatureDrift> features = new HashMap<>();
        for (ColumnDrift column : report.getColumns()) {
            double statistic = column.getTests().stream().max((a, b) -> Double.compare(TriggerDecider.effect(a),
                    TriggerDecider.effect(b))).map(test -> test.getStatistic()).orElse(Double.NaN);
            features.put(column.getFeature(), new FeatureHistory.FeatureDrift(statistic,
                    column.getVerdict() == DriftVerdict.DRIFT));
        }
        return history.with(new FeatureHistory.Window(report.getWindowStart().toEpochMilli(), features), keep);
    }

    /** By alert count over {@code history}. */
    static FeatureRanking of(FeatureHistory history) {
        return FeatureRanking.newBuilder().setMethod(ALERT_COUNT).setWindows(history.windows().size())
                .setFeatures(features(AlertCountRanking.rank(history.series())))
                .build();
    }

    /**
     * As {@code rule} asks: by correlation when it asks for that and {@code performances} has the performance of
     * enough of the history's windows ({@link WindowPerformances#series}), else by alert count.
     */
    static FeatureRanking of(FeatureHistory history, RankingRule rule, @Nullable WindowPerformances performances) {
        if (rule.method() != RankingRule.Method.CORRELATION || performances == null) {
            return of(history);
        }
        List<Long> starts = history.windows().stream().map(FeatureHistory.Window::startMillis).toList();
        return performances.series(starts, rule.metric(), rule.performance())
                .map(performance -> FeatureRanking.newBuilder().setMethod(CORRELATION).setWindows(starts.size())
                        .setMetric(performance.metric()).setPerformance(performance.basis().policyName())
                        .setFeatures(features(CorrelationRanking.rank(history.series(), performance.valueArray(),
                                performance.reference())))
                        .build())
                .orElseGet(() -> of(history));
    }

    private static List<RankedFeature> features(List<io.driftwatch.stats.rank.RankedFeature> ranked) {
        return ranked.stream().map(feature -> RankedFeature.newBuilder().setFeature(feature.feature())
                .setRank(feature.rank()).setAlerts(feature.alerts()).setCorrelation(feature.correlation())
                .setPValue(feature.pValue()).build()).toList();
    }

    /**
     * How the ranking orders features, for a person: "alert count over the last 10 windows", or "correlation of
     * drift with the change in realized accuracy over the last 10 windows".
     */
    static String describe(FeatureRanking ranking) {
        String windows = " over the last " + ranking.getWindows() + " window" + (ranking.getWindows() == 1 ? "" : "s");
        return CORRELATION.equals(ranking.getMethod())
                ? "correlation of drift with the change in " + ranking.getPerformance() + " " + ranking.getMetric() + windows
                : "alert count" + windows;
    }
}
