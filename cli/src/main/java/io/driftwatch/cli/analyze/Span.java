package io.driftwatch.cli.analyze;

import io.driftwatch.cli.BadInputException;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A span of time whose closed windows are merged: a window belongs to it when it lies wholly inside
 * {@code [from, to)}, so a window cut by a boundary is never counted in part, nor in two spans.
 *
 * @param name what the report calls it: {@code current} or {@code reference}
 */
public record Span(String name, Instant from, Instant to) {
    public Span {
        requireNonNull(name, "name");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
    }

    /**
     * @param options the two options that gave it, for the message
     * @throws BadInputException when the span is empty or reversed
     */
    public static Span of(String name, Instant from, Instant to, String options) throws BadInputException {
        if (!from.isBefore(to)) {
            throw new BadInputException(options + ": the span " + from + " to " + to + " is empty; the first time must be"
                    + " before the second");
        }
        return new Span(name, from, to);
    }

    public boolean holds(Instant windowStart, Instant windowEnd) {
        return !windowStart.isBefore(from) && !windowEnd.isAfter(to);
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
