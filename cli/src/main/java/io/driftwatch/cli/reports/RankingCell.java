package io.driftwatch.cli.reports;

import io.driftwatch.schemas.record.FeatureRanking;
import io.driftwatch.schemas.record.RankedFeature;
import org.jspecify.annotations.Nullable;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A window's feature ranking in one table cell: how it ranks and over how many windows, then the top ranked features
 * with what ranked them, e.g. {@code alert_count over 10 windows: #1 income (4 alerts), #2 age (1 alert), #3 tenure
 * (0 alerts), 2 more} or {@code correlation with estimated accuracy over 10 windows: #1 income (r 0.8123, p 0.0042)};
 * {@code -} for a window without one. The JSON line carries every ranked feature.
 */
final class RankingCell {
    static final int SHOWN_MAX = 3;
    // FeatureRanking.method of NannyML's AlertCountRanker; the other, correlation, ranks by Pearson's r.
    private static final String ALERT_COUNT = "alert_count";

    private RankingCell() {
    }

    static String of(@Nullable FeatureRanking ranking) {
        if (ranking == null) {
            return MultivariateCell.NONE;
        }
        List<RankedFeature> ranked = sorted(ranking);
        StringBuilder cell = new StringBuilder(how(ranking)).append(':');
        if (ranked.isEmpty()) {
            return cell.append(" no features").toString();
        }
        List<RankedFeature> shown = ranked.subList(0, Math.min(SHOWN_MAX, ranked.size()));
        boolean byAlerts = ALERT_COUNT.equals(ranking.getMethod());
        cell.append(' ').append(shown.stream().map(feature -> describe(feature, byAlerts)).collect(Collectors.joining(", ")));
        if (ranked.size() > shown.size()) {
            cell.append(", ").append(ranked.size() - shown.size()).append(" more");
        }
        return cell.toString();
    }

    /** How the features are ranked, e.g. {@code alert_count over 10 windows}, {@code correlation with estimated accuracy over 10 windows}. */
    static String how(FeatureRanking ranking) {
        StringBuilder how = new StringBuilder(ranking.getMethod());
        if (ranking.getMetric() != null) {
            how.append(" with ").append(ranking.getPerformance() == null ? "" : ranking.getPerformance() + " ").append(ranking.getMetric());
        }
        return how.append(" over ").append(ranking.getWindows()).append(ranking.getWindows() == 1 ? " window" : " windows").toString();
    }

    /** Each ranked feature's rank, to show beside the drifted features; empty without a ranking. */
    static Map<String, Integer> ranks(@Nullable FeatureRanking ranking) {
        if (ranking == null) {
            return Map.of();
        }
        return ranking.getFeatures().stream().collect(Collectors.toUnmodifiableMap(RankedFeature::getFeature, RankedFeature::getRank,
                Math::min));
    }

    static List<RankedFeature> sorted(FeatureRanking ranking) {
        return ranking.getFeatures().stream().sorted(Comparator.comparingInt(RankedFeature::getRank)).toList();
    }

    private static String describe(RankedFeature feature, boolean byAlerts) {
        String name = "#" + feature.getRank() + " " + feature.getFeature();
        if (byAlerts) {
            return name + " (" + feature.getAlerts() + (feature.getAlerts() == 1 ? " alert)" : " alerts)");
        }
        Double correlation = feature.getCorrelation();
        if (correlation == null) {
            return name + " (r undefined)";
        }
        return name + " (r " + Cells.number(correlation) + (feature.getPValue() == null ? "" : ", p " + Cells.number(feature.getPValue())) + ")";
    }
}
