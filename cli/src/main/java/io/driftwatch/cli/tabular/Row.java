package io.driftwatch.cli.tabular;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One data row of a CSV, JSON Lines or Parquet file, for commands that handle a file record by record rather than
 * column by column ({@code produce}).
 *
 * @param line   the line of the file where the row starts (1-based; a Parquet file's row number), for error messages
 * @param values the row's fields by column name, in the file's order; nested JSON objects give dotted names
 */
public record Row(long line, Map<String, RowValue> values) {
    public Row {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values")));
    }

    /** The value of {@code column}; {@link RowValue.Missing} when the row does not have it. */
    public RowValue value(String column) {
        return values.getOrDefault(requireNonNull(column, "column"), RowValue.Missing.VALUE);
    }
}
