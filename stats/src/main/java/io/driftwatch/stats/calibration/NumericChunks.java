package io.driftwatch.stats.calibration;

import io.driftwatch.stats.drift.NumericDriftTest;
import io.driftwatch.stats.sample.SortedSample;

/**
 * A sorted numeric column cut by a {@link ChunkAssignment} over its sorted positions: each chunk and its
 * leave-one-out reference come out already sorted, in one pass each.
 */
final class NumericChunks {
    private final SortedSample values;
    private final ChunkAssignment assignment;

    NumericChunks(SortedSample values, ChunkAssignment assignment) {
        if (values.size() != assignment.values()) {
            throw new IllegalArgumentException("assignment covers " + assignment.values() + " values, the column has "
                    + values.size());
        }
        this.values = values;
        this.assignment = assignment;
    }

    /** The statistic of each chunk (current) against every other value of the column (reference). */
    double[] statistics(NumericDriftTest test) {
        double[] statistics = new double[assignment.chunks()];
        for (int chunk = 0; chunk < statistics.length; chunk++) {
            statistics[chunk] = test.compare(rest(chunk), chunk(chunk)).statistic();
        }
        return statistics;
    }

    SortedSample chunk(int chunk) {
        double[] members = new double[assignment.size(chunk)];
        int next = 0;
        for (int i = 0; i < values.size(); i++) {
            if (assignment.chunkOf(i) == chunk) {
                members[next++] = values.get(i);
            }
        }
        return SortedSample.ofOwned(members);
    }

    /** Every value not in {@code chunk}. */
    SortedSample rest(int chunk) {
        double[] others = new double[values.size() - assignment.size(chunk)];
        int next = 0;
        for (int i = 0; i < values.size(); i++) {
            if (assignment.chunkOf(i) != chunk) {
                others[next++] = values.get(i);
            }
        }
        return SortedSample.ofOwned(others);
    }
}
