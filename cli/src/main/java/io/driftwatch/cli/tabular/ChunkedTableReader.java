package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.profile.NumericProfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a file into chunks of rows in one pass, each value put into the columns of its row's chunk as it is read
 * (no row is held), by the same formats and field rules as {@link TableReader}: a chunk's columns are what
 * {@link TableReader} would read from a file of that chunk's rows, given the same column types. The types are the
 * whole file's, as {@code check} read it, so a chunk that happens to hold only numbers in a categorical column is
 * still read as categories.
 */
public final class ChunkedTableReader {
    private ChunkedTableReader() {
    }

    /**
     * @param columnTypes the columns to read, each with its type; every other column is left out
     * @throws BadInputException when the file is missing, unreadable or malformed
     */
    public static List<TableChunk> read(Path file, Map<String, ColumnType> columnTypes, RowChunks chunks)
            throws BadInputException {
        ChunkRouter router = new ChunkRouter(chunks);
        ColumnSet columns = new ColumnSet(file, columnTypes, Set.copyOf(columnTypes.keySet()), true, Set.of(),
                MemoryBudget.ofHeap());
        columns.routeRows(router);
        InputFile input = TableReader.inputOf(file);
        TableReader.readPass(TableReader.formatOf(input), input, columns);
        List<TableChunk> read = new ArrayList<>();
        for (int chunk = 0; chunk < router.count(); chunk++) {
            read.add(finish(chunk, router, columns));
        }
        return read;
    }

    private static TableChunk finish(int chunk, ChunkRouter router, ColumnSet columns) {
        long rows = router.rows(chunk);
        Map<String, ColumnData> kept = new LinkedHashMap<>();
        Map<String, NumericProfile> sketched = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (ColumnAccumulator column : columns.accumulators().values()) {
            ColumnAccumulator own = ((RoutedColumnAccumulator) column).chunk(chunk);
            order.add(column.name());
            if (own.sketched()) {
                sketched.put(column.name(), own.finishSketch(rows));
            } else {
                kept.put(column.name(), own.finish(rows));
            }
        }
        return new TableChunk(chunk, rows, router.firstLine(chunk), router.lastLine(chunk), kept, sketched, order);
    }
}
