package io.driftwatch.topology.quality;

import static java.util.Objects.requireNonNull;

/**
 * The names of the quality topology's state stores, fixed so their changelogs survive topology edits.
 *
 * @param pending    request id to the prediction or label waiting for its other half, or the joined mark
 * @param expiry     expiry-time index over the predictions and joined marks of {@code pending}
 * @param labelExpiry expiry-time index over the labels of {@code pending}
 * @param deltas     the join's partial tallies since its last update
 * @param joinClocks the join partition's event time, and per model the last event time it saw
 * @param joinGrids  per model version (key: {@code ModelKeys}), the windows the join partition cuts
 * @param windows    the aggregator's open windows
 * @param clocks     the aggregator's event time per model and join partition (key: model, NUL, partition)
 * @param history    per model version: the previous final window's metrics and the last quality trigger
 * @param baselines  the global baselines store (for the baseline's recorded quality)
 */
record QualityStores(String pending, String expiry, String labelExpiry, String deltas, String joinClocks, String joinGrids,
                     String windows, String clocks,
                     String history, String baselines) {
    QualityStores {
        requireNonNull(pending, "pending");
        requireNonNull(expiry, "expiry");
        requireNonNull(labelExpiry, "labelExpiry");
        requireNonNull(deltas, "deltas");
        requireNonNull(joinClocks, "joinClocks");
        requireNonNull(joinGrids, "joinGrids");
        requireNonNull(windows, "windows");
        requireNonNull(clocks, "clocks");
        requireNonNull(history, "history");
        requireNonNull(baselines, "baselines");
    }
}
