package io.driftwatch.alerts.policy;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * When the next SMTP attempt may start. One schedule for the server, not per email: when SMTP is down it is
 * down for every model, and hammering it with each pending email would only make the outage longer. Time
 * is passed in, so it is tested without waiting. Not thread-safe: owned by the consumer loop.
 */
public final class RetrySchedule {
    private final Backoff backoff;
    private int failures;
    private Instant nextAttempt = Instant.MIN;

    public RetrySchedule(Backoff backoff) {
        this.backoff = requireNonNull(backoff, "backoff");
    }

    public boolean mayAttempt(Instant now) {
        return !now.isBefore(nextAttempt);
    }

    /** Records a failed attempt at {@code now} and returns when the next one may start. */
    public Instant failed(Instant now) {
        failures++;
        nextAttempt = now.plus(backoff.after(failures));
        return nextAttempt;
    }

    /** Records a failure that needs a person (a password, a setting): the next attempt waits the longest backoff. */
    public Instant failedPermanently(Instant now) {
        failures++;
        nextAttempt = now.plus(backoff.max());
        return nextAttempt;
    }

    public void succeeded() {
        failures = 0;
        nextAttempt = Instant.MIN;
    }

    public int consecutiveFailures() {
        return failures;
    }
}
