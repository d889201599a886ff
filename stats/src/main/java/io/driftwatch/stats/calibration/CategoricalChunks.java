package io.driftwatch.stats.calibration;

import io.driftwatch.stats.drift.CategoricalDriftTest;
import io.driftwatch.stats.sample.CategoryCounts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A categorical column cut by a {@link ChunkAssignment} over its units laid out in category order (every
 * occurrence of the first category, then of the second ...): counts per chunk, and the leave-one-out
 * reference of a chunk as the column's counts minus the chunk's.
 */
final class CategoricalChunks {
    private final List<String> categories;
    private final long[] totals;
    private final long[][] chunkCounts;

    CategoricalChunks(CategoryCounts counts, ChunkAssignment assignment) {
        if (counts.total() != assignment.values()) {
            throw new IllegalArgumentException("assignment covers " + assignment.values() + " values, the column has "
                    + counts.total());
        }
        this.categories = List.copyOf(counts.counts().keySet());
        this.totals = counts.counts().values().stream().mapToLong(Long::longValue).toArray();
        this.chunkCounts = new long[assignment.chunks()][categories.size()];
        int position = 0;
        for (int category = 0; category < totals.length; category++) {
            for (long i = 0; i < totals[category]; i++) {
                int chunk = assignment.chunkOf(position++);
                if (chunk != ChunkAssignment.NO_CHUNK) {
                    chunkCounts[chunk][category]++;
                }
            }
        }
    }

    /** The statistic of each chunk (current) against every other value of the column (reference). */
    double[] statistics(CategoricalDriftTest test) {
        double[] statistics = new double[chunkCounts.length];
        for (int chunk = 0; chunk < statistics.length; chunk++) {
            statistics[chunk] = test.compare(rest(chunk), chunk(chunk)).statistic();
        }
        return statistics;
    }

    CategoryCounts chunk(int chunk) {
        Map<String, Long> counts = new HashMap<>();
        for (int category = 0; category < totals.length; category++) {
            counts.put(categories.get(category), chunkCounts[chunk][category]);
        }
        return CategoryCounts.of(counts);
    }

    /** Every value not in {@code chunk}. */
    CategoryCounts rest(int chunk) {
        Map<String, Long> counts = new HashMap<>();
        for (int category = 0; category < totals.length; category++) {
            counts.put(categories.get(category), totals[category] - chunkCounts[chunk][category]);
        }
        return CategoryCounts.of(counts);
    }
}
