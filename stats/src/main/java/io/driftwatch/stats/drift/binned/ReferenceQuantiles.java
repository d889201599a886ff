package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.sample.SortedSample;

/**
 * NumPy's default quantile ({@code method="linear"}, Hyndman and Fan's type 7), reproduced operation by
 * operation (virtual index (n - 1) q, then NumPy's two-sided lerp) so that an edge that NumPy puts exactly
 * on a sample value lands on that same value here, and ties in the sample give the same duplicate edges.
 */
final class ReferenceQuantiles {
    private ReferenceQuantiles() {
    }

    static double at(SortedSample sample, double level) {
        int size = sample.size();
        double virtualIndex = (size - 1) * level;
        if (virtualIndex >= size - 1) {
            return sample.max();
        }
        if (virtualIndex < 0) {
            return sample.min();
        }
        int previous = (int) Math.floor(virtualIndex);
        double fraction = virtualIndex - previous;
        double below = sample.get(previous);
        double above = sample.get(previous + 1);
        double difference = above - below;
        // NumPy interpolates from the nearer end, so the result is monotone in the level and exact at both ends.
        return fraction >= 0.5 ? above - difference * (1 - fraction) : below + difference * fraction;
    }
}
