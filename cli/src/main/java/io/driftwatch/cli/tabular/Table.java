package io.driftwatch.cli.tabular;

import io.driftwatch.stats.compare.ColumnData;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A file read into columns, in the file's column order.
 *
 * @param rows        number of data rows
 * @param mixedColumns columns read as categories because some values were not numbers though others
 *                    were; the value is where the first non-number was seen, for error messages
 * @param notComparable fields left out of {@code columns} because they hold no single values (a JSON array),
 *                    each with the sentence that says why, in the file's order
 */
public record Table(Path file, long rows, Map<String, ColumnData> columns, Map<String, MixedColumn> mixedColumns,
                    Map<String, String> notComparable) {
    public Table {
        requireNonNull(file, "file");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        mixedColumns = Map.copyOf(mixedColumns);
        notComparable = Collections.unmodifiableMap(new LinkedHashMap<>(notComparable));
    }

    /**
     * A column with both numbers and other values.
     *
     * @param numbers       how many values read as numbers
     * @param notNumbers    how many did not
     * @param firstNotNumber the first value that is not a number
     * @param line          its line
     */
    public record MixedColumn(long numbers, long notNumbers, String firstNotNumber, long line) {
    }
}
