package io.driftwatch.cli.reports;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.policy.PolicyDurations;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The time {@code --since} or {@code --until} names: an ISO-8601 instant ({@code 2026-12-07T10:00:00Z}) or a duration
 * back from now in the spelling policies use ({@code 24h}, {@code 7d}, {@code 30m}, {@code PT6H}).
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
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            Optional<Duration> back = PolicyDurations.parse(text);
            if (back.isPresent()) {
                return now.minus(back.get());
            }
            throw new BadInputException(option + " " + text + " is neither an instant nor a duration: give an ISO-8601"
                    + " UTC instant such as 2026-12-07T10:00:00Z, or a duration back from now such as 24h or 7d", e);
        }
    }
}
