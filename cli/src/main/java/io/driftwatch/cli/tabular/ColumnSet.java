package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.stats.compare.ColumnType;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The accumulators of one pass over one file, each field stored as {@link FieldReading} reads it in its column.
 * Columns whose type was declared are strict: a declared-numeric column rejects a non-number with the file, line
 * and column. Undeclared columns start numeric and note the values that are not numbers.
 */
final class ColumnSet {
    private static final int INITIAL_CAPACITY = 1024;
    private final Path file;
    private final Map<String, ColumnType> declaredTypes;
    private final @Nullable Set<String> onlyColumns;
    private final boolean keepsValues;
    private final Set<String> excludedColumns;
    private final MemoryBudget budget;
    private final Map<String, ColumnAccumulator> accumulators = new LinkedHashMap<>();
    private final Map<String, Long> arrayFields = new LinkedHashMap<>();
    private final FieldReading reading = new FieldReading();
    private @Nullable ChunkRouter router;
    private int rowBound;
    private final SortScratch sortScratch = new SortScratch();

    /**
     * @param onlyColumns when not null, the pass reads just these columns (the re-read of mixed columns)
     * @param keepsValues false for a pass that only learns the columns' types, counting values without keeping them
     * @param excludedColumns columns that are not read at all: no value of theirs is typed, kept or checked
     * @param budget          the memory the pass's kept numbers may take, shared with the other file's reader
     */
    ColumnSet(Path file, Map<String, ColumnType> declaredTypes, @Nullable Set<String> onlyColumns, boolean keepsValues,
              Set<String> excludedColumns, MemoryBudget budget) {
        this.file = file;
        this.budget = budget;
        this.excludedColumns = excludedColumns;
        this.declaredTypes = declaredTypes;
        this.onlyColumns = onlyColumns;
        this.keepsValues = keepsValues;
    }

    /** The accumulator of {@code column}, created on first use; null when this pass skips the column. */
    @Nullable ColumnAccumulator accumulator(String column) {
        ColumnAccumulator accumulator = accumulators.get(column);
        if (accumulator == null) {
            if ((onlyColumns != null && !onlyColumns.contains(column)) || excludedColumns.contains(column)) {
                return null;
            }
            ColumnType declared = declaredTypes.get(column);
            ColumnType type = declared == null ? ColumnType.NUMERIC : declared;
            accumulator = router == null ? new ColumnAccumulator(column, type, declared != null, keepsValues, budget,
                    INITIAL_CAPACITY, rowBound, sortScratch)
                    : new RoutedColumnAccumulator(column, type, declared != null, budget, router);
            accumulators.put(column, accumulator);
        }
        return accumulator;
    }

    /**
     * Tells the columns made from now on that the file holds at most {@code rows} rows ({@link RowBound}), so each
     * numeric one can keep its numbers in one array of that length; ignored for rows split into chunks.
     */
    void expectAtMostRows(long rows) {
        if (!sizesColumnsByRows()) {
            return;
        }
        rowBound = rows <= Integer.MAX_VALUE - 8 ? (int) rows : 0;
    }

    /** Whether {@link #expectAtMostRows} has a use here: the pass keeps numbers of whole columns. */
    boolean sizesColumnsByRows() {
        return keepsValues && router == null;
    }

    /** Hands each row's values to the accumulators of the chunk {@code chunkRouter} assigns the row to. */
    void routeRows(ChunkRouter chunkRouter) {
        if (!accumulators.isEmpty()) {
            throw new IllegalStateException("rows are routed before any column is read");
        }
        this.router = chunkRouter;
    }

    /** Called by each format as a data row starts, before its fields; {@code line} as error messages cite it. */
    void rowStarted(long line) {
        if (router != null) {
            router.rowStarted(line);
        }
    }

    Map<String, ColumnAccumulator> accumulators() {
        return accumulators;
    }

    /** Notes that {@code field} holds an array on {@code line}: it is left out of the table, not read. */
    void noteArray(String field, long line) {
        if (!excludedColumns.contains(field)) {
            arrayFields.putIfAbsent(field, line);
        }
    }

    /** Fields that held an array, with the first line that did. */
    Map<String, Long> arrayFields() {
        return arrayFields;
    }

    /** Stores a field given as bytes (CSV). */
    void addText(ColumnAccumulator column, byte[] bytes, int start, int end, long line) throws BadInputException {
        FieldReading.Kind kind = reading.csvField(column.type(), bytes, start, end);
        if (column.countsLabelsEarly()) {
            column.addLabelEarly(kind, bytes, start, end);
            return;
        }
        switch (kind) {
            case NUMBER -> column.addNumber(reading.number());
            case MISSING -> column.addMissing(bytes, start, end);
            case LABEL -> column.addCategory(bytes, start, end);
            case NOT_A_NUMBER -> {
                if (column.declared()) {
                    throw declaredNumeric(column, new String(bytes, start, end - start, StandardCharsets.UTF_8), line);
                }
                column.addNotNumber(bytes, start, end, line);
            }
        }
    }

    /** Stores a string value (JSON). */
    void addString(ColumnAccumulator column, String value, long line) throws BadInputException {
        switch (FieldReading.jsonString(column.type(), value)) {
            case MISSING -> column.addMissing();
            case LABEL -> column.addCategory(value);
            default -> notANumber(column, value, line);
        }
    }

    /** Stores a number value (JSON), {@code text} as written. */
    void addNumber(ColumnAccumulator column, double value, String text) {
        switch (FieldReading.jsonNumber(column.type(), value)) {
            case NUMBER -> column.addNumber(value);
            case MISSING -> column.addMissing();
            default -> column.addCategory(text);
        }
    }

    private void notANumber(ColumnAccumulator column, String text, long line) throws BadInputException {
        if (column.declared()) {
            throw declaredNumeric(column, text, line);
        }
        column.addNotNumber(text, line);
    }

    private BadInputException declaredNumeric(ColumnAccumulator column, String text, long line) {
        return new BadInputException(file + " line " + line + ", column '" + column.name() + "': '"
                + abbreviate(text) + "' is not a number, and the column is declared numeric; fix the value, "
                + "or declare the column categorical with --column-type " + column.name() + "=categorical");
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
