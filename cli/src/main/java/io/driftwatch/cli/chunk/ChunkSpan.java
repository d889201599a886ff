package io.driftwatch.cli.chunk;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The time a chunk covers, as reports show it: a period chunk's period (start inclusive, end exclusive, as an
 * event-time window's), a row chunk's earliest and latest time when the rows have a time column, else unknown.
 */
public record ChunkSpan(@Nullable Instant start, @Nullable Instant end) {
    /** A chunk whose rows have no time. */
    public static final ChunkSpan UNKNOWN = new ChunkSpan(null, null);
}
