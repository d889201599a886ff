package io.driftwatch.alerts.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * At most a given number of emails per model in any sliding hour, so a flapping model cannot flood its team's
 * inbox; the alerts that wait are not dropped but folded into the next email by {@link AlertGrouper}. The number
 * comes with each question, from the model's {@link AlertRouting.Route}, so a changed route applies at once. Time
 * is passed in. Not thread-safe: owned by the consumer loop.
 */
public final class RateLimit {
    private static final Duration HOUR = Duration.ofHours(1);

    private final Map<String, Deque<Instant>> sentByModel = new HashMap<>();

    /** @param emailsPerHour the model's limit now, at least 1 */
    public boolean permits(String model, int emailsPerHour, Instant now) {
        if (emailsPerHour < 1) {
            throw new IllegalArgumentException("emailsPerHour " + emailsPerHour + " must be at least 1");
        }
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
