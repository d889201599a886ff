package io.driftwatch.topology.drift;

import io.driftwatch.schemas.record.ColumnDrift;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.DriftVerdict;
import io.driftwatch.schemas.record.FeatureRanking;
import io.driftwatch.schemas.record.RankedFeature;
import io.driftwatch.stats.rank.AlertCountRanking;
import io.driftwatch.topology.trigger.TriggerDecider;

import java.util.HashMap;
import java.util.Map;

/**
 * A window's feature ranking: NannyML's alert-count ranking ({@link AlertCountRanking}) over the model version's
 * last windows, this one included, written into its drift report; and the history it counts over, with this window.
 */
final class FeatureRankings {
    static final String ALERT_COUNT = "alert_count";

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

    static FeatureRanking of(FeatureHistory history) {
        return FeatureRanking.newBuilder().setMethod(ALERT_COUNT).setWindows(history.windows().size())
                .setFeatures(AlertCountRanking.rank(history.series()).stream()
                        .map(ranked -> RankedFeature.newBuilder().setFeature(ranked.feature()).setRank(ranked.rank())
                                .setAlerts(ranked.alerts()).build())
                        .toList())
                .build();
    }

    /** How the ranking orders features, for a person: alert count over the last 10 windows. */
    static String describe(FeatureRanking ranking) {
        return "alert count over the last " + ranking.getWindows() + " window" + (ranking.getWindows() == 1 ? "" : "s");
    }
}
