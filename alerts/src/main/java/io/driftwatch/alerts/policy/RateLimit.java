package io.driftwatch.alerts.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * At most {@code emailsPerHour} emails per model in any sliding hour, so a flapping model cannot flood the
 * on-call inbox; the alerts that wait are not dropped but folded into the next email by
 * {@link AlertGrouper}. Time is passed in. Not thread-safe: owned by the consumer loop.
 */
public final class RateLimit {
    private static final Duration HOUR = Duration.ofHours(1);

    private final int emailsPerHour;
    private final Map<String, Deque<Instant>> sentByModel = new HashMap<>();

    public RateLimit(int emailsPerHour) {
        if (emailsPerHour < 1) {
            throw new IllegalArgumentException("emailsPerHour " + emailsPerHour + " must be at least 1");
        }
        this.emailsPerHour = emailsPerHour;
    }

    public boolean permits(String model, Instant now) {
        Deque<Instant> sent = sentByModel.get(requireNonNull(model, "model"));
        if (sent == null) {
            return true;
        }
        while (!sent.isEmpty() && !sent.peekFirst().plus(HOUR).isAfter(now)) {
            sent.removeFirst();
        }
        return sent.size() < emailsPerHour;
    }

    public void recordSent(String model, Instant now) {
        sentByModel.computeIfAbsent(requireNonNull(model, "model"), key -> new ArrayDeque<>()).addLast(now);
    }
}
