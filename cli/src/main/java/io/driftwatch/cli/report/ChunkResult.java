package io.driftwatch.cli.report;

import io.driftwatch.cli.chunk.ChunkSpan;
import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DriftComparison;

import static java.util.Objects.requireNonNull;

/**
 * One chunk of a file compared with the whole reference.
 *
 * @param index     the chunk's position, 0 first (in time order for period chunks)
 * @param rows      its data rows
 * @param firstLine the line of its first row, as {@code check}'s messages cite lines (a CSV header is line 1)
 * @param lastLine  the line of its last row
 * @param span      its period, or its rows' earliest and latest time, or unknown
 * @param report    the chunk's comparison, judged by the chunked check's threshold rule
 * @param judgement whether its verdict can be acted on, as the whole file's is decided (schema errors, --min-rows)
 */
public record ChunkResult(int index, long rows, long firstLine, long lastLine, ChunkSpan span, DriftComparison report,
                          DatasetJudgement judgement) {
    public ChunkResult {
        requireNonNull(span, "span");
        requireNonNull(report, "report");
        requireNonNull(judgement, "judgement");
    }

    public boolean drifted() {
        return judgement.outcome() == DatasetJudgement.Outcome.DRIFT;
    }
}
