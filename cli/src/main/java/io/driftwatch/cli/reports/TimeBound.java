package io.driftwatch.cli.reports;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.topic.SpanTime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The time {@code --since} or {@code --until} names, in {@link SpanTime}'s spellings (an ISO-8601 instant such as
 * {@code 2026-12-07T10:00:00Z}, a date, {@code now}, or a time back from now such as {@code 24h}, {@code 7d} or
 * {@code PT6H}), with the reports' own message when it is none of them.
 */
final class TimeBound {
    private TimeBound() {
    }

    /**
     * @param option the option's name, for the message
     * @param now    the time a duration counts back from
     * @throws BadInputException naming the option, the value and the two spellings it takes
     */
    static Instant parse(String option, String text, Instant now) throws BadInputException {
        try {
            return SpanTime.parse(option, text, Clock.fixed(now, ZoneOffset.UTC));
        } catch (BadInputException e) {
            throw new BadInputException(option + " " + text + " is neither an instant nor a duration: give an ISO-8601"
                    + " UTC instant such as 2026-12-07T10:00:00Z, or a duration back from now such as 24h or 7d", e);
        }
    }
}
