package io.driftwatch.cli;

import io.driftwatch.cli.rank.RankRequest;
import io.driftwatch.stats.quality.QualityMetric;
import io.driftwatch.stats.rank.RankingMethod;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code check}'s {@code --rank} and {@code --rank-metric} options, a mixin: which of NannyML's feature rankers orders
 * the columns over the chunks, so a reader of many drifted columns knows which to look at first.
 */
public final class RankOptions {
    @Option(names = "--rank", paramLabel = "alert_count|correlation",
            description = "With a chunker: rank the columns as NannyML's rankers do and list them in that order."
                    + " alert_count: most chunks drifted first (ties: the name that sorts last first, as NannyML's code"
                    + " does). correlation: the largest Pearson r first, between a column's drift statistic per chunk"
                    + " and how far the chunk's performance is from the reference chunks' mean; needs --labels (realized"
                    + " performance) or --estimate-performance (estimated). Informs; never changes the exit code.")
    private @Nullable String method;

    @Option(names = "--rank-metric", paramLabel = "METRIC",
            description = "The performance metric --rank correlation follows (default: roc_auc when the chunks have it,"
                    + " else accuracy for a classifier, else the first metric the chunks have, e.g. mae).")
    private @Nullable String metric;

    /**
     * The ranking asked for; empty without {@code --rank}.
     *
     * @param chunked  whether a chunker was given
     * @param labelled whether {@code --labels} was given, so the chunks have a performance to correlate with
     * @throws BadInputException for an unknown method or metric, {@code --rank} without a chunker, {@code --rank
     *                           correlation} without {@code --labels}, or {@code --rank-metric} without it
     */
    public Optional<RankRequest> request(boolean chunked, boolean labelled) throws BadInputException {
        if (method == null) {
            if (metric != null) {
                throw new BadInputException("--rank-metric " + metric + " chooses the metric of --rank correlation: add"
                        + " --rank correlation, or drop --rank-metric");
            }
            return Optional.empty();
        }
        RankingMethod ranking;
        try {
            ranking = RankingMethod.of(method);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--rank " + method + ": give --rank alert_count or --rank correlation", e);
        }
        if (!chunked) {
            throw new BadInputException("--rank " + ranking.methodName() + " ranks the columns over the chunks of the"
                    + " current file: cut it with --chunk-rows N, --chunk-count K or --chunk-period P");
        }
        if (ranking == RankingMethod.ALERT_COUNT && metric != null) {
            throw new BadInputException("--rank-metric " + metric + " is for --rank correlation; alert_count counts"
                    + " drifted chunks and follows no metric: drop --rank-metric");
        }
        if (ranking == RankingMethod.CORRELATION && !labelled) {
            throw new BadInputException("--rank correlation follows the model's performance per chunk: give --labels"
                    + " COLUMN (realized), with --estimate-performance for chunks without labels");
        }
        String metricName = metric == null ? null : metric.toLowerCase(Locale.ROOT);
        if (metricName != null && !QualityMetric.names().contains(metricName)) {
            throw new BadInputException("--rank-metric " + metric + " is not a metric; use one of "
                    + String.join(", ", QualityMetric.names()));
        }
        return Optional.of(new RankRequest(ranking, metricName));
    }
}
