package io.driftwatch.topology.window;

import io.driftwatch.stats.profile.FeatureProfiles;

import static java.util.Objects.requireNonNull;

/**
 * A window of one model version that closed: its merged profiles, and whether it closed complete (every
 * input partition's watermark had passed it) or on the merge delay, with partitions never heard from.
 */
public record ClosedWindow(WindowKey window, FeatureProfiles profiles, boolean complete) {
    public ClosedWindow {
        requireNonNull(window, "window");
        requireNonNull(profiles, "profiles");
    }

    /** Where the window ends, exclusive. */
    public long endMillis() {
        return window.endMillis();
    }
}
