package io.driftwatch.topology.window;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The open windows of a processor ordered by the event time at which they close, so that a close check
 * looks only at the windows that are due, never the whole store. Not thread-safe.
 */
final class OpenWindows {
    private final TreeMap<Long, Set<WindowKey>> byCloseTime = new TreeMap<>();

    void add(WindowKey window, long closeAtMillis) {
        byCloseTime.computeIfAbsent(closeAtMillis, time -> new HashSet<>()).add(window);
    }

    void remove(WindowKey window, long closeAtMillis) {
        Set<WindowKey> windows = byCloseTime.get(closeAtMillis);
        if (windows != null && windows.remove(window) && windows.isEmpty()) {
            byCloseTime.remove(closeAtMillis);
        }
    }

    /** Removes and returns the windows that close at or before {@code streamTimeMillis}, earliest first. */
    List<Due> takeDue(long streamTimeMillis) {
        List<Due> due = new ArrayList<>();
        while (!byCloseTime.isEmpty() && byCloseTime.firstKey() <= streamTimeMillis) {
            Map.Entry<Long, Set<WindowKey>> first = byCloseTime.pollFirstEntry();
            first.getValue().stream().sorted(Comparator.comparing(WindowKey::model).thenComparing(WindowKey::version)
                    .thenComparingLong(WindowKey::startMillis)).forEach(window -> due.add(new Due(window, first.getKey())));
        }
        return due;
    }

    /** A window that is due, and the close time it was added with. */
    record Due(WindowKey window, long closeAtMillis) {
    }
}
