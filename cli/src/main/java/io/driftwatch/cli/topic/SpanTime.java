package io.driftwatch.cli.topic;

import io.driftwatch.cli.BadInputException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time as a command that reads a span of a topic takes it ({@code analyze --from/--to}, {@code reports --since/--until}): an ISO-8601 instant
 * ({@code 2026-11-01T00:00:00Z}, or a date, read as its UTC midnight), {@code now}, or a span back from now in days,
 * hours, minutes or weeks ({@code 7d}, {@code 12h}, {@code 2w}) or as an ISO-8601 duration ({@code P30D}), so a cron
 * job can say "the last week" without computing a date.
 */
public final class SpanTime {
    private static final Pattern BACK = Pattern.compile("(\\d+)([smhdw])");

    private SpanTime() {
    }

    /**
     * @param option the option the text came from, for the message
     * @throws BadInputException naming the option and the forms it takes
     */
    public static Instant parse(String option, String text, Clock clock) throws BadInputException {
        String value = text.strip();
        if (value.equalsIgnoreCase("now")) {
            return clock.instant();
        }
        Matcher back = BACK.matcher(value.toLowerCase(Locale.ROOT));
        try {
            if (back.matches()) {
                return clock.instant().minus(unit(back.group(2)).multipliedBy(Long.parseLong(back.group(1))));
            }
            if (value.startsWith("P") || value.startsWith("p")) {
                return clock.instant().minus(Duration.parse(value));
            }
            if (value.length() == 10) {
                return Instant.parse(value + "T00:00:00Z");
            }
            return Instant.parse(value);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new BadInputException(option + " " + text + ": give an ISO-8601 instant (2026-11-01T00:00:00Z), a date"
                    + " (2026-11-01), now, or a time back from now (7d, 12h, 30m, 2w, P30D)", e);
        }
    }

    private static Duration unit(String letter) {
        return switch (letter) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            default -> Duration.ofDays(7);
        };
    }
}
