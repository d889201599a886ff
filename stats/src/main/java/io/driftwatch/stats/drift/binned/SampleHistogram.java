package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.sample.SortedSample;

/**
 * Counts a sorted sample into bins exactly as NumPy's {@code histogram(sample, bins=edges)}: [e_i, e_i+1)
 * for every bin but the last, which is closed; values outside [first edge, last edge] are not counted.
 * Two binary searches per edge, so O(bins log n) on any sample size.
 */
final class SampleHistogram {
    private SampleHistogram() {
    }

    static long[] counts(SortedSample sample, double[] edges) {
        int last = edges.length - 1;
        long[] counts = new long[last];
        long below = sample.countBelow(edges[0]);
        for (int i = 1; i <= last; i++) {
            long upTo = i == last ? sample.countAtOrBelow(edges[i]) : sample.countBelow(edges[i]);
            counts[i - 1] = upTo - below;
            below = upTo;
        }
        return counts;
    }

    /** Values below the first edge or above the last one: those {@link #counts} leaves out. */
    static long outside(SortedSample sample, double[] edges) {
        return (long) sample.countBelow(edges[0]) + (sample.size() - sample.countAtOrBelow(edges[edges.length - 1]));
    }
}
