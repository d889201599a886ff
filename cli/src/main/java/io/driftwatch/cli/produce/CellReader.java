package io.driftwatch.cli.produce;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.cli.tabular.RowValue;
import io.driftwatch.cli.tabular.TimeField;

import java.nio.file.Path;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * Turns the fields of a row into the values of a record field, with the rules {@code produce} documents,
 * and reports a value that cannot be one with the file, line and column. Times are epoch milliseconds or
 * ISO-8601; an ISO time without an offset is UTC, and a space may stand for the {@code T} (as pandas
 * writes them).
 */
final class CellReader {
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
        Instant time = TimeField.read(value);
        if (time == null) {
            throw at(row, column, "cannot read '" + text + "' as a time; " + TimeField.FORMS);
        }
        return time;
    }

    private BadInputException at(Row row, String column, String problem) {
        return new BadInputException(file + " line " + row.line() + ", column '" + column + "': " + problem);
    }
}
