package io.driftwatch.alerts.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The alert ids mailed within the last {@code retention}, so the memory of what was sent stays bounded by
 * the alerts of one retention period instead of growing with every alert ever mailed. Ids are kept in the
 * order they were remembered, which is the order they were mailed, so forgetting the expired ones touches
 * only those. An id remembered out of time order is forgotten once the ids before it are. Time is passed
 * in. Not thread-safe: owned by the consumer loop.
 */
public final class ExpiringIds {
    private final Duration retention;
    private final LinkedHashMap<String, Instant> mailedAt = new LinkedHashMap<>();

    public ExpiringIds(Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention " + retention + " must be positive");
        }
        this.retention = retention;
    }

    /** Remembers {@code id} as mailed at {@code at}, unless that is already past the retention at {@code now}. */
    public void remember(String id, Instant at, Instant now) {
        requireNonNull(id, "id");
        if (at.isBefore(cutoff(now))) {
            return;
        }
        mailedAt.remove(id);
        mailedAt.put(id, at);
    }

    public boolean contains(String id) {
        return mailedAt.containsKey(id);
    }

    /** Forgets the ids mailed before {@code now} minus the retention; returns how many were forgotten. */
    public int forgetExpired(Instant now) {
        Instant cutoff = cutoff(now);
        int forgotten = 0;
        Iterator<Map.Entry<String, Instant>> oldestFirst = mailedAt.entrySet().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().getValue().isBefore(cutoff)) {
            oldestFirst.remove();
            forgotten++;
        }
        return forgotten;
    }

    public int size() {
        return mailedAt.size();
    }

    private Instant cutoff(Instant now) {
        return now.minus(retention);
    }
}
