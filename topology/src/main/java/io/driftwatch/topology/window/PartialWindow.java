package io.driftwatch.topology.window;

import io.driftwatch.stats.profile.FeatureProfiles;

import static java.util.Objects.requireNonNull;

/**
 * What one input partition saw of one window of one model version: sent from the aggregation stage to the
 * merge stage when the partition's stream time closes the window.
 *
 * @param sourcePartition the input partition, so the merge stage knows which partitions have reported
 */
public record PartialWindow(WindowKey window, int sourcePartition, FeatureProfiles profiles) implements MergeInput {
    public PartialWindow {
        requireNonNull(window, "window");
        requireNonNull(profiles, "profiles");
    }
}
