package io.driftwatch.cli.chunk;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.RowChunks;
import io.driftwatch.policy.PolicyDurations;
import io.driftwatch.topology.window.WindowShape;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * How a file is cut into chunks, as NannyML's chunkers cut a data frame, so that its per-chunk numbers can be
 * reproduced. Rows are in the file's order, or in time order (ties in the file's order) when the rows have times,
 * since NannyML sorts by its timestamp column before it cuts.
 */
public sealed interface Chunker permits Chunker.Rows, Chunker.Count, Chunker.Period {

    /**
     * Where each of the file's {@code rows} rows goes.
     *
     * @param times each row's time in epoch milliseconds, in the file's order; null when the rows have none
     * @throws BadInputException when the file cannot be cut this way (fewer rows than chunks)
     */
    ChunkLayout layout(Path file, long rows, long @Nullable [] times) throws BadInputException;

    /** The chunker as its options spell it, for reports. */
    String describe();

    /**
     * NannyML's {@code SizeBasedChunker} (its default {@code incomplete='keep'}): chunk {@code i} holds rows
     * {@code i*size} to {@code (i+1)*size - 1}; the rows left over after the last full chunk form a last, smaller chunk.
     */
    record Rows(long size) implements Chunker {
        public Rows {
            if (size < 1) {
                throw new IllegalArgumentException("a chunk holds at least one row, got " + size);
            }
        }

        @Override
        public ChunkLayout layout(Path file, long rows, long @Nullable [] times) {
            int count = Math.toIntExact((rows + size - 1) / size);
            if (times == null) {
                return new ChunkLayout(new RowChunks(count, row -> (int) (row / size)), nCopies(count));
            }
            int[] chunkOfRow = TimeOrder.chunksOfRows(times, size);
            long[] earliest = new long[count];
            long[] latest = new long[count];
            Arrays.fill(earliest, Long.MAX_VALUE);
            Arrays.fill(latest, Long.MIN_VALUE);
            for (int row = 0; row < times.length; row++) {
                earliest[chunkOfRow[row]] = Math.min(earliest[chunkOfRow[row]], times[row]);
                latest[chunkOfRow[row]] = Math.max(latest[chunkOfRow[row]], times[row]);
            }
            List<ChunkSpan> spans = new ArrayList<>();
            for (int chunk = 0; chunk < count; chunk++) {
                spans.add(new ChunkSpan(Instant.ofEpochMilli(earliest[chunk]), Instant.ofEpochMilli(latest[chunk])));
            }
            return new ChunkLayout(new RowChunks(count, row -> chunkOfRow[(int) row]), spans);
        }

        @Override
        public String describe() {
            return "--chunk-rows " + size;
        }

        private static List<ChunkSpan> nCopies(int count) {
            return Collections.nCopies(count, ChunkSpan.UNKNOWN);
        }
    }

    /**
     * NannyML's {@code CountBasedChunker}: chunks of {@code rows / count} rows (rounded down) cut as {@link Rows} cuts
     * them, so when {@code count} does not divide the rows the remainder is one more chunk ({@code count + 1} in all).
     */
    record Count(int count) implements Chunker {
        public Count {
            if (count < 1) {
                throw new IllegalArgumentException("a file splits into at least one chunk, got " + count);
            }
        }

        @Override
        public ChunkLayout layout(Path file, long rows, long @Nullable [] times) throws BadInputException {
            if (rows < count) {
                throw new BadInputException("--chunk-count " + count + ": " + file + " has " + rows + " rows, fewer than"
                        + " the chunks asked for; give at most " + rows + " chunks");
            }
            return new Rows(rows / count).layout(file, rows, times);
        }

        @Override
        public String describe() {
            return "--chunk-count " + count;
        }
    }

    /**
     * Chunks of event time cut as the stream cuts its windows ({@link WindowShape#startOf}): the period holding time
     * {@code t} starts at {@code floor((t - offset) / size) * size + offset} since the epoch, so a period chunk and an
     * event-time window of the same size and offset hold the same rows. Only periods with rows are chunks, in time
     * order, as NannyML's {@code PeriodBasedChunker} groups them; the file's order does not matter.
     */
    record Period(Duration size, Duration offset) implements Chunker {
        public Period {
            new WindowShape(size, Duration.ZERO, offset);
        }

        @Override
        public ChunkLayout layout(Path file, long rows, long @Nullable [] times) {
            if (times == null) {
                throw new IllegalArgumentException("period chunks need each row's time");
            }
            WindowShape shape = new WindowShape(size, Duration.ZERO, offset);
            long[] startOfRow = Arrays.stream(times).map(shape::startOf).toArray();
            long[] starts = Arrays.stream(startOfRow).distinct().sorted().toArray();
            List<ChunkSpan> spans = new ArrayList<>();
            for (long start : starts) {
                spans.add(new ChunkSpan(Instant.ofEpochMilli(start), Instant.ofEpochMilli(start).plus(size)));
            }
            int[] chunkOfRow = new int[times.length];
            for (int row = 0; row < times.length; row++) {
                chunkOfRow[row] = Arrays.binarySearch(starts, startOfRow[row]);
            }
            return new ChunkLayout(new RowChunks(spans.size(), row -> chunkOfRow[(int) row]), spans);
        }

        @Override
        public String describe() {
            return "--chunk-period " + PolicyDurations.format(size)
                    + (offset.isZero() ? "" : " --chunk-offset " + PolicyDurations.format(offset));
        }
    }
}
