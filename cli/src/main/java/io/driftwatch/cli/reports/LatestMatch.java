package io.driftwatch.cli.reports;

import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code --format html} needs of the records that passed the filter, kept as they are read rather than held:
 * how many matched, the model versions they belong to, and the latest by window start (a later record wins a tie, as
 * the more recent write of that window). A topic of months of windows for every model then costs one record of
 * memory, not all of them.
 *
 * @param <V> the record type
 */
final class LatestMatch<V> {
    private final ReportKind<V> kind;
    private final Set<String> versions = new TreeSet<>();
    private @Nullable V latest;
    private long count;

    LatestMatch(ReportKind<V> kind) {
        this.kind = kind;
    }

    void accept(V record) {
        count++;
        versions.add(kind.model(record) + " " + kind.version(record));
        if (latest == null || !kind.time(record).isBefore(kind.time(latest))) {
            latest = record;
        }
    }

    long count() {
        return count;
    }

    /** Each matching model version as {@code MODEL VERSION}, sorted. */
    Set<String> versions() {
        return Collections.unmodifiableSet(versions);
    }

    /** The latest match; null when nothing matched. */
    @Nullable V latest() {
        return latest;
    }
}
