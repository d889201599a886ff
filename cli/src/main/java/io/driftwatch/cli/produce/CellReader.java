package io.driftwatch.cli.produce;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.cli.tabular.RowValue;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Turns the fields of a row into the values of a record field, with the rules {@code produce} documents,
 * and reports a value that cannot be one with the file, line and column. Times are epoch milliseconds or
 * ISO-8601; an ISO time without an offset is UTC, and a space may stand for the {@code T} (as pandas
 * writes them).
 */
final class CellReader {
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,18}");

    private final Path file;

    CellReader(Path file) {
        this.file = requireNonNull(file, "file");
    }

    Path file() {
        return file;
    }

    /** A non-empty text: ids, model names, versions. A number is taken as written. */
    String text(Row row, String column, String field) throws BadInputException {
        RowValue value = row.value(column);
        if (value instanceof RowValue.Missing || value.text().isBlank()) {
            throw at(row, column, "the " + field + " is empty; every row needs one");
        }
        return value.text();
    }

    /**
     * The prediction or the label: a number, else a class name. A value {@code check} reads as missing in a
     * numeric column ({@code NaN}, {@code NA}) is as missing as an empty one, and every row needs one.
     */
    Object numberOrText(Row row, String column, String field) throws BadInputException {
        RowValue value = row.value(column);
        if (value instanceof RowValue.Missing) {
            throw at(row, column, "the " + field + " is empty, or a value that check reads as missing in a numeric"
                    + " column (NaN, NA, null, inf); every row needs one");
        }
        if (value instanceof RowValue.Numeric number) {
            if (!Double.isFinite(number.value())) {
                throw at(row, column, "the " + field + " " + number.text() + " is not a finite number");
            }
            return number.value();
        }
        return text(row, column, field);
    }

    Instant time(Row row, String column) throws BadInputException {
        RowValue value = row.value(column);
        String text = value.text().strip();
        if (text.isEmpty()) {
            throw at(row, column, "the event time is empty; every row needs one");
        }
        if (EPOCH_MILLIS.matcher(text).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        if (value instanceof RowValue.Numeric number && number.value() == Math.rint(number.value())
                && Math.abs(number.value()) < 1e15) {
            return Instant.ofEpochMilli((long) number.value());
        }
        Instant iso = iso(text);
        if (iso == null) {
            throw at(row, column, "cannot read '" + text + "' as a time; write epoch milliseconds (1714564800000)"
                    + " or ISO-8601 (2024-05-01T12:00:00Z; without an offset it is UTC)");
        }
        return iso;
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

    private BadInputException at(Row row, String column, String problem) {
        return new BadInputException(file + " line " + row.line() + ", column '" + column + "': " + problem);
    }
}
