package io.driftwatch.cli.tabular;

/**
 * The chunk of the row being read, advanced by the formats as each row starts ({@link ColumnSet#rowStarted}), and
 * what each chunk holds of the file: its rows and its first and last line. Not thread-safe: one per pass.
 */
final class ChunkRouter {
    private final RowChunks chunks;
    private final long[] rows;
    private final long[] firstLines;
    private final long[] lastLines;
    private long rowIndex = -1;
    private int current = -1;

    ChunkRouter(RowChunks chunks) {
        this.chunks = chunks;
        this.rows = new long[chunks.count()];
        this.firstLines = new long[chunks.count()];
        this.lastLines = new long[chunks.count()];
    }

    void rowStarted(long line) {
        rowIndex++;
        current = chunks.chunkOfRow().applyAsInt(rowIndex);
        if (current < 0 || current >= rows.length) {
            throw new IllegalStateException("row " + rowIndex + " was given chunk " + current + " of " + rows.length);
        }
        if (rows[current]++ == 0) {
            firstLines[current] = line;
        }
        lastLines[current] = line;
    }

    /** The chunk of the row being read. */
    int current() {
        if (current < 0) {
            throw new IllegalStateException("a value was read before any row started");
        }
        return current;
    }

    int count() {
        return rows.length;
    }

    long rows(int chunk) {
        return rows[chunk];
    }

    long firstLine(int chunk) {
        return firstLines[chunk];
    }

    long lastLine(int chunk) {
        return lastLines[chunk];
    }
}
