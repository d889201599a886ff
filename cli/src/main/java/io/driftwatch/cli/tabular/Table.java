package io.driftwatch.cli.tabular;

import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.HeldColumns;
import io.driftwatch.stats.profile.NumericProfile;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A file read into columns, in the file's column order.
 *
 * @param rows        number of data rows
 * @param mixedColumns columns read as categories because some values were not numbers though others
 *                    were; the value is where the first non-number was seen, for error messages
 * @param columns     the columns whose values (or category counts) were kept, in the file's order
 * @param notComparable fields left out of {@code columns} because they hold no single values (a JSON array),
 *                    each with the sentence that says why, in the file's order
 * @param sketchedColumns numeric columns that stopped keeping values for want of memory ({@link MemoryBudget}),
 *                    held as profiles; not in {@code columns}
 * @param columnOrder every column of {@code columns} and {@code sketchedColumns}, in the file's order
 */
public record Table(Path file, long rows, Map<String, ColumnData> columns, Map<String, MixedColumn> mixedColumns,
                    Map<String, String> notComparable, Map<String, NumericProfile> sketchedColumns,
                    List<String> columnOrder) {
    public Table {
        requireNonNull(file, "file");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        mixedColumns = Map.copyOf(mixedColumns);
        notComparable = Collections.unmodifiableMap(new LinkedHashMap<>(notComparable));
        sketchedColumns = Collections.unmodifiableMap(new LinkedHashMap<>(sketchedColumns));
        columnOrder = List.copyOf(columnOrder);
    }

    /** A table that kept every value. */
    public Table(Path file, long rows, Map<String, ColumnData> columns, Map<String, MixedColumn> mixedColumns,
                 Map<String, String> notComparable) {
        this(file, rows, columns, mixedColumns, notComparable, Map.of(), List.copyOf(columns.keySet()));
    }

    /** The column's type as read, whether its values were kept or sketched; null for a column the file lacks. */
    @Nullable ColumnType typeOf(String column) {
        ColumnData values = columns.get(column);
        if (values != null) {
            return values.type();
        }
        return sketchedColumns.containsKey(column) ? ColumnType.NUMERIC : null;
    }

    /** The columns as the comparison takes them, kept and sketched alike. */
    public HeldColumns held() {
        return new HeldColumns(columns, sketchedColumns, columnOrder);
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
