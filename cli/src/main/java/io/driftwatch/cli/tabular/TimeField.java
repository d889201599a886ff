package io.driftwatch.cli.tabular;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The one rule by which the CLI reads a time from a file's field ({@code produce}'s event times, {@code check}'s
 * chunk periods), so a row lands in the window and in the chunk its time says: epoch milliseconds, or ISO-8601 (an
 * offset, else UTC; a space may stand for the {@code T}, as pandas writes them; a date alone is its UTC midnight).
 */
public final class TimeField {
    /** What the messages about an unreadable time tell the user to write. */
    public static final String FORMS = "write epoch milliseconds (1714564800000) or ISO-8601 (2024-05-01T12:00:00Z;"
            + " without an offset it is UTC)";
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,18}");

    private TimeField() {
    }

    /** The time {@code value} spells; null when it is empty or spells none. */
    public static @Nullable Instant read(RowValue value) {
        String text = value.text().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (EPOCH_MILLIS.matcher(text).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        if (value instanceof RowValue.Numeric number && number.value() == Math.rint(number.value())
                && Math.abs(number.value()) < 1e15) {
            return Instant.ofEpochMilli((long) number.value());
        }
        return iso(text);
    }

    private static @Nullable Instant iso(String text) {
        String normalised = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return OffsetDateTime.parse(normalised).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // fall through to the forms without an offset
        }
        try {
            return LocalDateTime.parse(normalised).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // fall through to a date alone
        }
        try {
            return LocalDate.parse(normalised).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
