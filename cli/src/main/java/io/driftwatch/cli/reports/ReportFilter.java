package io.driftwatch.cli.reports;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;

/**
 * Which records {@code reports} prints: those of a model and version when {@code --model} and {@code --model-version}
 * are given, whose time lies in [{@code since}, {@code until}) when those are. A null bound or name lets all through.
 */
record ReportFilter(@Nullable String model, @Nullable String version, @Nullable Instant since, @Nullable Instant until) {

    static final ReportFilter ALL = new ReportFilter(null, null, null, null);

    <V> boolean accepts(ReportKind<V> kind, V record) {
        Instant time = kind.time(record);
        return (model == null || Objects.equals(model, kind.model(record)))
                && (version == null || Objects.equals(version, kind.version(record)))
                && (since == null || !time.isBefore(since))
                && (until == null || time.isBefore(until));
    }
}
