package io.driftwatch.cli.chunk;

import io.driftwatch.cli.BadInputException;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * What a chunked {@code check} was asked for: the chunker, the column of the rows' times (not a compared feature),
 * whether the reference's own chunks are reported, and the rule that judges the chunks.
 *
 * @param timeColumn      the column of the rows' times; null when the rows have none (row chunks only)
 * @param referenceChunks whether the reference is cut too and its chunks reported beside the current file's
 */
public record ChunkPlan(Chunker chunker, @Nullable String timeColumn, boolean referenceChunks, ThresholdRule rule) {
    public ChunkPlan {
        requireNonNull(chunker, "chunker");
        requireNonNull(rule, "rule");
        if (chunker instanceof Chunker.Period && timeColumn == null) {
            throw new IllegalArgumentException("period chunks need a time column");
        }
    }

    /** Whether the reference must be cut: to report its chunks, or to set NannyML's thresholds from them. */
    public boolean cutsReference() {
        return referenceChunks || rule == ThresholdRule.NANNYML;
    }

    /**
     * {@code file}'s chunks, its {@code rows} rows placed by their times when the plan has a time column.
     *
     * @throws BadInputException when a row's time is missing or unreadable, or the file has too few rows
     */
    public ChunkLayout layout(Path file, long rows) throws BadInputException {
        long[] times = timeColumn == null ? null : RowTimes.read(file, timeColumn);
        if (times != null && times.length != rows) {
            throw new IllegalStateException(file + ": " + times.length + " times for " + rows + " rows");
        }
        return chunker.layout(file, rows, times);
    }
}
