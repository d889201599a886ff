package io.driftwatch.cli.tabular;

import java.util.function.LongToIntFunction;

/**
 * Which chunk each data row of a file belongs to, decided before the file is read so that {@link ChunkedTableReader}
 * can put every value straight into its chunk's columns instead of holding rows.
 *
 * @param count      how many chunks there are; every chunk gets at least one row
 * @param chunkOfRow the chunk (0 to count - 1) of the row at each 0-based position in the file's order
 */
public record RowChunks(int count, LongToIntFunction chunkOfRow) {
    public RowChunks {
        if (count < 1) {
            throw new IllegalArgumentException("a file splits into at least one chunk, got " + count);
        }
    }
}
