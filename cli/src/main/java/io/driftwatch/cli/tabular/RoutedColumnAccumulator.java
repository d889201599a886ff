package io.driftwatch.cli.tabular;

import io.driftwatch.stats.compare.ColumnType;
import org.jspecify.annotations.Nullable;

/**
 * One column of a file read in chunks: it keeps nothing itself and hands each value to the accumulator of the chunk
 * the row belongs to, so the values are split as they are read, each chunk's column read exactly as {@code check}
 * reads a whole column. Not thread-safe.
 */
final class RoutedColumnAccumulator extends ColumnAccumulator {
    /** A chunk's numbers start small: a file may split into thousands of chunks. */
    private static final int CHUNK_INITIAL_CAPACITY = 16;

    private final ChunkRouter router;
    private final MemoryBudget budget;
    private final @Nullable ColumnAccumulator[] chunks;

    RoutedColumnAccumulator(String name, ColumnType type, boolean declared, MemoryBudget budget, ChunkRouter router) {
        super(name, type, declared, false, budget, 0);
        this.router = router;
        this.budget = budget;
        this.chunks = new ColumnAccumulator[router.count()];
    }

    /** The column's accumulator in {@code chunk}, empty when no row of the chunk had the column. */
    ColumnAccumulator chunk(int chunk) {
        ColumnAccumulator accumulator = chunks[chunk];
        if (accumulator == null) {
            accumulator = new ColumnAccumulator(name(), type(), declared(), true, budget, CHUNK_INITIAL_CAPACITY);
            chunks[chunk] = accumulator;
        }
        return accumulator;
    }

    private ColumnAccumulator current() {
        return chunk(router.current());
    }

    @Override
    void addMissing() {
        current().addMissing();
    }

    @Override
    void addNumber(double value) {
        current().addNumber(value);
    }

    @Override
    void addCategory(String value) {
        current().addCategory(value);
    }

    @Override
    void addNotNumber(String text, long line) {
        current().addNotNumber(text, line);
    }

    @Override
    void addCategory(byte[] bytes, int start, int end) {
        current().addCategory(bytes, start, end);
    }

    @Override
    void addMissing(byte[] bytes, int start, int end) {
        current().addMissing(bytes, start, end);
    }

    @Override
    void addNotNumber(byte[] bytes, int start, int end, long line) {
        current().addNotNumber(bytes, start, end, line);
    }
}
