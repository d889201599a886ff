package io.driftwatch.cli.rank;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.estimate.EstimatedChunks;
import io.driftwatch.cli.quality.ChunkQuality;
import io.driftwatch.cli.report.ChunkedFileCheck;
import io.driftwatch.stats.rank.AlertCountRanking;
import io.driftwatch.stats.rank.CorrelationRanking;
import io.driftwatch.stats.rank.RankedFeature;
import io.driftwatch.stats.rank.RankingMethod;
import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The columns of a chunked {@code check} ranked as asked, over the chunks of the current file (the reference's chunks
 * only give the correlation its reference mean), with what the reports say about how.
 *
 * @param chunks      the chunks ranked over
 * @param performance what a correlation ranking followed; null for an alert-count ranking
 * @param tests       each ranked column's test, whose statistic the correlation used ({@link ColumnSeries})
 * @param features    every ranked column, rank 1 first
 */
public record ChunkRanking(RankingMethod method, int chunks, @Nullable ChunkPerformance performance,
                           Map<String, String> tests, List<RankedFeature> features) {
    public ChunkRanking {
        requireNonNull(method, "method");
        tests = Collections.unmodifiableMap(new LinkedHashMap<>(tests));
        features = List.copyOf(features);
    }

    /**
     * @param realized  the realized quality per chunk; needed by a correlation ranking
     * @param estimated the estimated performance per chunk; a correlation ranking follows it when given
     * @throws BadInputException as {@link ChunkPerformance#of}
     */
    public static ChunkRanking of(RankRequest request, ChunkedFileCheck check, @Nullable ChunkQuality realized,
                                  @Nullable EstimatedChunks estimated) throws BadInputException {
        ColumnSeries columns = ColumnSeries.of(check);
        int chunks = check.chunks().size();
        if (request.method() == RankingMethod.ALERT_COUNT) {
            return new ChunkRanking(request.method(), chunks, null, columns.tests(),
                    AlertCountRanking.rank(columns.series()));
        }
        if (realized == null) {
            throw new BadInputException("--rank correlation follows the model's performance per chunk: give --labels"
                    + " COLUMN (realized), with --estimate-performance for chunks without labels");
        }
        ChunkPerformance performance = ChunkPerformance.of(request.metric(), realized, estimated);
        return new ChunkRanking(request.method(), chunks, performance, columns.tests(), CorrelationRanking.rank(
                columns.series(), performance.valueArray(), performance.referenceMean()));
    }

    /** The ranked columns' names, rank 1 first. */
    public List<String> order() {
        return features.stream().map(RankedFeature::feature).toList();
    }

    /** How the columns were ranked, in words, e.g. for a report's heading. */
    public String describe() {
        if (performance == null) {
            return "alert count over " + chunks + " chunks (ties: the name that sorts last first, as NannyML's)";
        }
        return "correlation of each column's drift statistic with |" + performance.basis().label() + " "
                + performance.metric() + " - reference mean " + String.format(Locale.ROOT, "%.4f",
                performance.referenceMean()) + "| over " + chunks + " chunks";
    }
}
