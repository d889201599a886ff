package io.driftwatch.cli.tabular;

import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.HeldColumns;
import io.driftwatch.stats.profile.NumericProfile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chunk of a file read by {@link ChunkedTableReader}: its columns as {@link Table} holds a whole file's.
 *
 * @param index           the chunk's position, 0 first
 * @param rows            its data rows
 * @param firstLine       the line of its first row, as error messages cite lines (a CSV header is line 1; a Parquet
 *                        file's row number)
 * @param lastLine        the line of its last row
 * @param columns         the columns whose values were kept, in the file's order
 * @param sketchedColumns numeric columns held as profiles for want of memory ({@link MemoryBudget})
 * @param columnOrder     every column of both, in the file's order
 */
public record TableChunk(int index, long rows, long firstLine, long lastLine, Map<String, ColumnData> columns,
                         Map<String, NumericProfile> sketchedColumns, List<String> columnOrder) {
    public TableChunk {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        sketchedColumns = Collections.unmodifiableMap(new LinkedHashMap<>(sketchedColumns));
        columnOrder = List.copyOf(columnOrder);
    }

    /** The columns as the comparison takes them, kept and sketched alike. */
    public HeldColumns held() {
        return new HeldColumns(columns, sketchedColumns, columnOrder);
    }
}
