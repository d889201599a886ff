package io.driftwatch.policy;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The model's event-time windows: each length empty where the policy is silent.
 *
 * @param offset where windows start after each multiple of {@code size} since the epoch; smaller than the size
 */
public record WindowPolicy(Optional<Duration> size, Optional<Duration> grace, Optional<Duration> offset) {
    public WindowPolicy {
        requireNonNull(size, "size");
        requireNonNull(grace, "grace");
        requireNonNull(offset, "offset");
    }
}
