package io.driftwatch.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The durations a policy writes: a whole number with a unit ({@code 500ms}, {@code 30s}, {@code 15m}, {@code 6h},
 * {@code 1d}) or ISO-8601 ({@code PT6H}), and their one canonical spelling for content ids.
 */
public final class PolicyDurations {
    private static final Pattern SHORT = Pattern.compile("([0-9]+)(ms|s|m|h|d)");

    private PolicyDurations() {
    }

    /** The duration {@code text} spells; empty when it spells none (or a negative one). */
    public static Optional<Duration> parse(String text) {
        Matcher matcher = SHORT.matcher(text);
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                return Optional.of(switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
            }
            Duration iso = Duration.parse(text);
            return iso.isNegative() ? Optional.empty() : Optional.of(iso);
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** The shortest of our spellings: {@code 1d}, {@code 6h}, {@code 90s}, {@code 1500ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        long[] unitMillis = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (millis != 0 && millis % unitMillis[i] == 0) {
                return millis / unitMillis[i] + units[i];
            }
        }
        return millis + "ms";
    }
}
