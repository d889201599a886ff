package io.driftwatch.cli.chunk;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.policy.PolicyDurations;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code check}'s chunk options, a mixin of their own so the command stays a list of what it does: one chunker
 * (rows, count or period), the time column, the reference's chunks and the threshold rule, checked together into a
 * {@link ChunkPlan}. Durations are spelled as a policy spells its window sizes ({@link PolicyDurations}).
 */
public final class ChunkOptions {
    @Option(names = "--chunk-rows", paramLabel = "N", description = "Also compare chunks of N rows of the current"
            + " file with the whole reference; the rows left over form a last, smaller chunk (NannyML's size chunker).")
    private @Nullable Long chunkRows;

    @Option(names = "--chunk-count", paramLabel = "K", description = "Also compare K chunks of rows/K rows (rounded"
            + " down; a remainder is one more chunk), as NannyML's count chunker cuts.")
    private @Nullable Integer chunkCount;

    @Option(names = "--chunk-period", paramLabel = "P", description = "Also compare chunks of event time P (10m, 1h,"
            + " 7d, PT6H), aligned to the epoch as the stream's windows are; needs --time-column.")
    private @Nullable String chunkPeriod;

    @Option(names = "--chunk-offset", paramLabel = "D", description = "Periods start D after each multiple of P since"
            + " the epoch, as a window offset does (default: 0; 4d with P=7d gives Monday weeks).")
    private @Nullable String chunkOffset;

    @Option(names = "--time-column", paramLabel = "COL", description = "The rows' times (ISO-8601 or epoch"
            + " milliseconds), not compared; rows are cut in time order and chunks show their times.")
    private @Nullable String timeColumn;

    @Option(names = "--reference-chunks", description = "Also cut the reference with the same chunker and report each"
            + " of its chunks against the whole reference.")
    private boolean referenceChunks;

    @Option(names = "--threshold-rule", paramLabel = "loo|nannyml", description = "How chunks are judged: loo, the"
            + " thresholds of the whole-file check (default: ${DEFAULT-VALUE}); nannyml, mean + 3 std of each"
            + " statistic over the reference's chunks (needs a chunker).")
    private ThresholdRule thresholdRule = ThresholdRule.LOO;

    /**
     * The chunks asked for; empty when no chunker is given (and nothing that needs one).
     *
     * @throws BadInputException naming the option that is missing, repeated or out of range
     */
    public Optional<ChunkPlan> plan() throws BadInputException {
        int chunkers = (chunkRows != null ? 1 : 0) + (chunkCount != null ? 1 : 0) + (chunkPeriod != null ? 1 : 0);
        if (chunkers > 1) {
            throw new BadInputException("give one chunker: --chunk-rows, --chunk-count or --chunk-period, not "
                    + chunkers);
        }
        if (chunkers == 0) {
            refuseWithoutChunker();
            return Optional.empty();
        }
        if (chunkOffset != null && chunkPeriod == null) {
            throw new BadInputException("--chunk-offset shifts the periods of --chunk-period; give --chunk-period P");
        }
        return Optional.of(new ChunkPlan(chunker(), timeColumn, referenceChunks, thresholdRule));
    }

    private void refuseWithoutChunker() throws BadInputException {
        if (thresholdRule == ThresholdRule.NANNYML) {
            throw new BadInputException("--threshold-rule nannyml sets thresholds from the reference's chunks; give a"
                    + " chunker: --chunk-rows N, --chunk-count K or --chunk-period P");
        }
        if (referenceChunks || timeColumn != null || chunkOffset != null) {
            throw new BadInputException((referenceChunks ? "--reference-chunks" : timeColumn != null ? "--time-column"
                    : "--chunk-offset") + " is for chunks; give a chunker: --chunk-rows N, --chunk-count K or"
                    + " --chunk-period P");
        }
    }

    private Chunker chunker() throws BadInputException {
        if (chunkRows != null) {
            if (chunkRows < 1) {
                throw new BadInputException("--chunk-rows " + chunkRows + ": give a number of rows, 1 or more");
            }
            return new Chunker.Rows(chunkRows);
        }
        if (chunkCount != null) {
            if (chunkCount < 1) {
                throw new BadInputException("--chunk-count " + chunkCount + ": give a number of chunks, 1 or more");
            }
            return new Chunker.Count(chunkCount);
        }
        if (timeColumn == null) {
            throw new BadInputException("--chunk-period cuts the rows by their times; name the column of times with"
                    + " --time-column COL");
        }
        Duration size = duration("--chunk-period", String.valueOf(chunkPeriod));
        Duration offset = chunkOffset == null ? Duration.ZERO : duration("--chunk-offset", chunkOffset);
        if (size.toMillis() < 1) {
            throw new BadInputException("--chunk-period " + chunkPeriod + ": give a period of 1ms or more");
        }
        if (offset.compareTo(size) >= 0) {
            throw new BadInputException("--chunk-offset " + chunkOffset + ": give an offset smaller than the period "
                    + chunkPeriod);
        }
        return new Chunker.Period(size, offset);
    }

    private static Duration duration(String option, String text) throws BadInputException {
        return PolicyDurations.parse(text.strip()).orElseThrow(() -> new BadInputException(option + " " + text
                + ": give a duration as a window's size is written (500ms, 30s, 10m, 1h, 7d) or ISO-8601 (PT6H)"));
    }
}
