package io.driftwatch.tools.bench;

import java.util.List;

/**
 * How long after a window closed its trigger could be read, over the windows of one run.
 *
 * @param windowMillis   window size (event time, which here is wall-clock time)
 * @param expected       triggers the run should have produced
 * @param latenciesMillis per trigger: from the moment the window closed (the send of the first record past
 *                       its end in the last input partition to get one) until a read_committed consumer had it
 */
record TriggerLatency(long windowMillis, int expected, List<Long> latenciesMillis) {
    /** Triggers read, one per window that drifted from the one before. */
    int triggers() {
        return latenciesMillis.size();
    }

    long medianMillis() {
        return percentile(0.5);
    }

    long p99Millis() {
        return percentile(0.99);
    }

    /** Nearest-rank percentile. */
    private long percentile(double quantile) {
        if (latenciesMillis.isEmpty()) {
            return -1;
        }
        List<Long> sorted = latenciesMillis.stream().sorted().toList();
        int rank = (int) Math.ceil(quantile * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
