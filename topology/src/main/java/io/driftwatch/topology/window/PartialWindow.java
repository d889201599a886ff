package io.driftwatch.topology.window;

import io.driftwatch.stats.profile.FeatureProfiles;

import static java.util.Objects.requireNonNull;

/**
 * What one input partition saw of one window of one model version: sent from the aggregation stage to the
 * merge stage when the partition's event time closes the window.
 *
 * @param sourcePartition the input partition, so the merge stage knows which partitions have reported
 * @param closeAtMillis   the event time at which every input partition closes this window (its end plus the grace
 *                        of the shape that cut it): the merge stage closes it once every partition's watermark has
 *                        reached it, without knowing the model's policy
 */
public record PartialWindow(WindowKey window, int sourcePartition, long closeAtMillis, FeatureProfiles profiles)
        implements MergeInput {
    public PartialWindow {
        requireNonNull(window, "window");
        requireNonNull(profiles, "profiles");
    }
}
