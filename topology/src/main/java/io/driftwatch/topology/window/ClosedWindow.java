package io.driftwatch.topology.window;

import io.driftwatch.stats.profile.FeatureProfiles;

import static java.util.Objects.requireNonNull;

/**
 * A window of one model version that closed: its merged profiles, which partitions contributed, and
 * whether it closed complete (every input partition reported) or on the merge delay.
 */
public record ClosedWindow(WindowKey window, long endMillis, FeatureProfiles profiles, int partitionsReported,
                           int partitionsExpected) {
    public ClosedWindow {
        requireNonNull(window, "window");
        requireNonNull(profiles, "profiles");
    }
}
