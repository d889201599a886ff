package io.driftwatch.cli.rank;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.cli.report.ReportJsonSection;
import io.driftwatch.stats.rank.RankedFeature;
import org.jspecify.annotations.Nullable;

/**
 * The feature ranking in {@code check}'s JSON report: a top-level {@code feature_ranking: {method, chunks, metric,
 * performance, reference_mean, features: [{feature, rank, test, alerts, correlation, p_value, drifted}]}}, rank 1 first.
 * Its fields are those of the stream's {@code DriftReport.featureRanking} in the report's snake_case. {@code metric},
 * {@code performance} (realized or estimated) and {@code reference_mean} are null for alert_count; {@code correlation}
 * and {@code p_value} are null for alert_count and where r is undefined, never NaN.
 */
public final class RankingJson {
    private RankingJson() {
    }

    /** {@code report}, a JSON object as the chunked {@code check} renders it, with the ranking added. */
    public static String addTo(String report, ChunkRanking ranking) {
        return ReportJsonSection.add(report, root -> {
            ObjectNode node = root.putObject("feature_ranking");
            node.put("method", ranking.method().methodName()).put("chunks", ranking.chunks());
            ChunkPerformance performance = ranking.performance();
            putText(node, "metric", performance == null ? null : performance.metric());
            putText(node, "performance", performance == null ? null : performance.basis().label());
            if (performance == null) {
                node.putNull("reference_mean");
            } else {
                node.put("reference_mean", performance.referenceMean());
            }
            ArrayNode features = node.putArray("features");
            for (RankedFeature feature : ranking.features()) {
                ObjectNode one = features.addObject().put("feature", feature.feature()).put("rank", feature.rank());
                putText(one, "test", ranking.tests().get(feature.feature()));
                one.put("alerts", feature.alerts()).put("correlation", feature.correlation())
                        .put("p_value", feature.pValue()).put("drifted", feature.drifted());
            }
        });
    }

    private static void putText(ObjectNode node, String name, @Nullable String value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }
}
