package io.driftwatch.alerts.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiPredicate;

import static java.util.Objects.requireNonNull;

/**
 * Gathers pending alerts per model version so that one incident is one email: a group opens with its first
 * alert and is due {@code groupTime} later; alerts arriving meanwhile join it. A due group that may not be
 * mailed yet (rate limit, SMTP down) stays and keeps gathering, so what waits is folded into the next email
 * rather than dropped. It also answers which offsets are safe to commit: nothing at or after the lowest
 * pending offset of a partition. Time is passed in; no clock, no I/O. Not thread-safe: owned by one loop.
 */
public final class AlertGrouper {
    private final Duration groupTime;
    private final Map<String, Gathering> groups = new LinkedHashMap<>();

    public AlertGrouper(Duration groupTime) {
        this.groupTime = requireNonNull(groupTime, "groupTime");
        if (groupTime.isNegative()) {
            throw new IllegalArgumentException("groupTime " + groupTime + " is negative");
        }
    }

    /** Adds an alert that arrived at {@code now}; an id already pending is ignored. */
    public void add(PendingAlert alert, Instant now) {
        String model = alert.event().getModelName();
        String version = alert.event().getModelVersion();
        Gathering group = groups.computeIfAbsent(model + '\u0000' + version, key -> new Gathering(model, version, now));
        if (group.alerts.stream().noneMatch(pending -> pending.alertId().equals(alert.alertId()))) {
            group.alerts.add(alert);
        }
    }

    /**
     * Removes and returns the groups whose time is up and whose model and version {@code mayMail}, oldest first.
     * The caller mails them and must {@link #restore} any it could not send.
     */
    public List<AlertGroup> takeDue(Instant now, BiPredicate<String, String> mayMail) {
        List<AlertGroup> due = new ArrayList<>();
        groups.values().removeIf(group -> {
            if (!now.isBefore(group.openedAt.plus(groupTime)) && mayMail.test(group.model, group.version)) {
                due.add(new AlertGroup(group.model, group.version, group.openedAt, group.alerts));
                return true;
            }
            return false;
        });
        return due;
    }

    /** Puts back a group that was taken but not sent; alerts that arrived meanwhile join it. */
    public void restore(AlertGroup group) {
        Gathering restored = new Gathering(group.model(), group.version(), group.openedAt());
        restored.alerts.addAll(group.alerts());
        Gathering newer = groups.remove(group.model() + '\u0000' + group.version());
        if (newer != null) {
            newer.alerts.stream().filter(alert -> !group.alertIds().contains(alert.alertId())).forEach(restored.alerts::add);
        }
        groups.put(group.model() + '\u0000' + group.version(), restored);
    }

    /** Forgets the alerts of partitions this process no longer owns; their new owner reads them again. */
    public void dropPartitions(Collection<Integer> partitions) {
        groups.values().forEach(group -> group.alerts.removeIf(alert -> partitions.contains(alert.partition())));
        groups.values().removeIf(group -> group.alerts.isEmpty());
    }

    /** The lowest offset still pending in {@code partition}: the highest offset that may be committed. */
    public OptionalLong lowestPendingOffset(int partition) {
        return groups.values().stream().flatMap(group -> group.alerts.stream())
                .filter(alert -> alert.partition() == partition).mapToLong(PendingAlert::offset).min();
    }

    public int pendingAlerts() {
        return groups.values().stream().mapToInt(group -> group.alerts.size()).sum();
    }

    private static final class Gathering {
        final String model;
        final String version;
        final Instant openedAt;
        final List<PendingAlert> alerts = new ArrayList<>();

        Gathering(String model, String version, Instant openedAt) {
            this.model = model;
            this.version = version;
            this.openedAt = openedAt;
        }
    }
}
