package io.driftwatch.cli.tabular;

import java.util.Locale;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One column of a Parquet file as DuckDB describes it, and the rule for reading its values as the CSV path reads
 * the same values written as text: a number column (integers, decimals, floats) is read as numbers; a list, array,
 * struct, map or union holds more than one value and is left out, as a JSON array is; every other type (strings,
 * booleans, dates, timestamps) is read as its text, DuckDB's own spelling ({@code true}, {@code 2026-12-07 10:00:00}),
 * and typed by the CSV rules.
 */
record ParquetColumn(String name, String duckType) {
    private static final Set<String> WHOLE_NUMBERS = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
            "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT");

    /** How a column's values are read. */
    enum Reading { NUMBER, TEXT, NESTED }

    ParquetColumn {
        requireNonNull(name, "name");
        requireNonNull(duckType, "duckType");
    }

    Reading reading() {
        String type = duckType.toUpperCase(Locale.ROOT);
        if (type.endsWith("]") || type.startsWith("STRUCT") || type.startsWith("MAP") || type.startsWith("UNION")) {
            return Reading.NESTED;
        }
        if (WHOLE_NUMBERS.contains(type) || type.equals("FLOAT") || type.equals("DOUBLE") || type.startsWith("DECIMAL")) {
            return Reading.NUMBER;
        }
        return Reading.TEXT;
    }

    /**
     * The SELECT expression giving the column as a DOUBLE. A FLOAT goes through its shortest text, so 0.1f reads as
     * 0.1, the number a CSV export of it holds, not as 0.10000000149011612.
     */
    String asNumber() {
        String column = quoted();
        return duckType.equalsIgnoreCase("FLOAT") ? "CAST(CAST(" + column + " AS VARCHAR) AS DOUBLE)"
                : "CAST(" + column + " AS DOUBLE)";
    }

    /** The SELECT expression giving the column as DuckDB's text of each value. */
    String asText() {
        return "CAST(" + quoted() + " AS VARCHAR)";
    }

    private String quoted() {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
