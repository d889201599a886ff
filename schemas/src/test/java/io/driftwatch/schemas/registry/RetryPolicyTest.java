package io.driftwatch.schemas.registry;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1_000));

    @Test
    void delayDoublesPerRetryWithHalfOfItRandom() {
        assertThat(policy.delayBeforeRetry(1, () -> 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(policy.delayBeforeRetry(1, () -> 0.999)).isEqualTo(Duration.ofMillis(99));
        assertThat(policy.delayBeforeRetry(3, () -> 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delayBeforeRetry(3, () -> 0.999)).isEqualTo(Duration.ofMillis(399));
    }

    @Test
    void delayStopsGrowingAtTheMaximum() {
        assertThat(policy.delayBeforeRetry(5, () -> 0.999)).isEqualTo(Duration.ofMillis(999));
        assertThat(policy.delayBeforeRetry(1_000, () -> 0.0)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void zeroBackoffRetriesAtOnce() {
        assertThat(new RetryPolicy(3, Duration.ZERO, Duration.ZERO).delayBeforeRetry(2, () -> 0.5)).isZero();
    }
}
