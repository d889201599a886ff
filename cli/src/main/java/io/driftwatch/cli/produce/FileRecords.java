package io.driftwatch.cli.produce;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.cli.tabular.RowReader;
import io.driftwatch.cli.tabular.TableReader;
import io.driftwatch.stats.compare.ColumnType;
import org.apache.avro.specific.SpecificRecordBase;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The records of one file, made row by row with the features, the prediction and the label read as {@code check}
 * reads them, so the stream sees the columns, types and missing values that {@code check} and {@code baseline} see
 * in the same rows: {@code NaN}, {@code NA} or {@code null} in a numeric column is a missing value (a null
 * feature), while {@code NA} in a categorical column stays a label. Ids, model names, versions, times and scores
 * are read as written.
 *
 * <p>A column's type needs all its values, so {@link #typed} first reads the whole file with {@code check}'s own
 * first pass ({@link TableReader#columnTypes}), counting values without keeping them: memory stays a few counters
 * per column however long the file, and the time is one more read of it, the cheapest of {@code produce}'s reads
 * since it builds no rows.
 *
 * @param <T> {@code InferenceLog} or {@code FeedbackLabel}
 */
final class FileRecords<T extends SpecificRecordBase> {
    private final Path file;
    private final RowRecords<T> records;
    private final Map<String, ColumnType> columnTypes;

    private FileRecords(Path file, RowRecords<T> records, Map<String, ColumnType> columnTypes) {
        this.file = file;
        this.records = records;
        this.columnTypes = Map.copyOf(columnTypes);
    }

    /**
     * Types the columns {@code records} reads as {@code check} does, from one pass over {@code file}.
     *
     * @throws BadInputException when the file is missing, unreadable or malformed
     */
    static <T extends SpecificRecordBase> FileRecords<T> typed(Path file, RowRecords<T> records) throws BadInputException {
        requireNonNull(file, "file");
        requireNonNull(records, "records");
        Map<String, ColumnType> types = new LinkedHashMap<>(new TableReader(Map.of()).columnTypes(file));
        types.keySet().removeIf(column -> !records.readsAsCheck(column));
        return new FileRecords<>(file, records, types);
    }

    /** Reads the file from its first row. */
    Cursor<T> open() throws BadInputException {
        return new Cursor<>(RowReader.open(file, columnTypes), records);
    }

    /** One read of the file, a record per row, numbering the rows from 1. Not thread-safe. */
    static final class Cursor<T extends SpecificRecordBase> implements AutoCloseable {
        private final RowReader reader;
        private final RowRecords<T> records;
        private long rows;

        private Cursor(RowReader reader, RowRecords<T> records) {
            this.reader = reader;
            this.records = records;
        }

        /**
         * @return the next row's record, or empty at the end of the file
         * @throws BadInputException naming the file, line and column of a value the record cannot take
         */
        Optional<T> next() throws BadInputException {
            Optional<Row> row = reader.next();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(records.toRecord(row.get(), ++rows));
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}
