package io.driftwatch.cli.chunk;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.cli.tabular.RowReader;
import io.driftwatch.cli.tabular.RowValue;
import io.driftwatch.cli.tabular.TimeField;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The time of every row of a file, in the file's order, as epoch milliseconds: the cheap first pass that lets a
 * chunker place each row before the values are read. A row without a readable time is bad input naming the file,
 * line and column: NannyML fails on a time it cannot parse and silently drops a row whose time is missing from its
 * period chunks, and a chunk report whose rows do not add up to the file's would hide that.
 */
public final class RowTimes {
    private RowTimes() {
    }

    /** @throws BadInputException when the file has no such column, or a row's time is missing or unreadable */
    public static long[] read(Path file, String timeColumn) throws BadInputException {
        long[] times = new long[1024];
        int count = 0;
        try (RowReader reader = RowReader.open(file)) {
            for (Optional<Row> next = reader.next(); next.isPresent(); next = reader.next()) {
                Row row = next.get();
                if (count == 0 && !reader.columns().contains(timeColumn) && !row.values().containsKey(timeColumn)) {
                    throw new BadInputException(file + " has no column '" + timeColumn + "'; --time-column names the"
                            + " column of the rows' times");
                }
                if (count == times.length) {
                    times = Arrays.copyOf(times, Math.multiplyExact(times.length, 2));
                }
                times[count++] = timeOf(file, row, timeColumn).toEpochMilli();
            }
        }
        return Arrays.copyOf(times, count);
    }

    private static Instant timeOf(Path file, Row row, String timeColumn) throws BadInputException {
        RowValue value = row.value(timeColumn);
        Instant time = TimeField.read(value);
        if (time != null) {
            return time;
        }
        String problem = value.text().isBlank() ? "the time is missing; every row needs one when chunks use --time-column"
                : "cannot read '" + value.text().strip() + "' as a time; " + TimeField.FORMS;
        throw new BadInputException(file + " line " + row.line() + ", column '" + timeColumn + "': " + problem);
    }
}
