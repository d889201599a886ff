package io.driftwatch.schemas.registry;

import org.apache.kafka.common.config.ConfigException;

import java.time.Duration;
import java.util.function.DoubleSupplier;

import static io.driftwatch.schemas.registry.RegistrySettings.RETRY_ATTEMPTS_CONFIG;
import static io.driftwatch.schemas.registry.RegistrySettings.RETRY_BACKOFF_MAX_MS_CONFIG;
import static io.driftwatch.schemas.registry.RegistrySettings.RETRY_BACKOFF_MS_CONFIG;
import static java.util.Objects.requireNonNull;

/**
 * How often, and how patiently, a failed registry call is tried again: exponential backoff from
 * {@code baseDelay}, doubling per retry up to {@code maxDelay}, with "equal jitter" (half the delay fixed,
 * half random) so that the tasks of a restarted Streams application do not retry in lockstep.
 *
 * @param maxAttempts total attempts including the first; 1 means no retry
 * @param baseDelay   delay before the first retry, before jitter
 * @param maxDelay    cap of any one delay
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    public RetryPolicy {
        requireNonNull(baseDelay, "baseDelay");
        requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1)
            throw new ConfigException(RETRY_ATTEMPTS_CONFIG, maxAttempts, "must be at least 1 (1 means no retry)");
        if (baseDelay.isNegative())
            throw new ConfigException(RETRY_BACKOFF_MS_CONFIG, baseDelay.toMillis(), "must not be negative");
        if (maxDelay.compareTo(baseDelay) < 0)
            throw new ConfigException(RETRY_BACKOFF_MAX_MS_CONFIG, maxDelay.toMillis(),
                    "must be at least " + RETRY_BACKOFF_MS_CONFIG + " (" + baseDelay.toMillis() + ")");
    }

    /**
     * @param retry  1 for the first retry (the second attempt), 2 for the next, ...
     * @param random a uniform value in [0, 1)
     */
    Duration delayBeforeRetry(int retry, DoubleSupplier random) {
        long capMillis = maxDelay.toMillis();
        long delayMillis = Math.min(baseDelay.toMillis(), capMillis);
        for (int doubling = 1; doubling < retry && delayMillis < capMillis; doubling++)
            delayMillis = delayMillis > capMillis / 2 ? capMillis : delayMillis * 2;
        long half = delayMillis / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (delayMillis - half)));
    }
}
