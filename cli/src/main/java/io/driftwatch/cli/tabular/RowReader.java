package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.stats.compare.ColumnType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Reads a CSV (with a header line), JSON Lines or Parquet file one row at a time, in constant memory, for commands
 * that turn each row into a record ({@code produce}); {@link TableReader} is the columnar reader of
 * {@code check}. The format and compression are told as there ({@link InputFile}), and values are typed as
 * {@link RowValue} says (a Parquet value as {@link ParquetRows} says). A column
 * whose type is given (from {@link TableReader#columnTypes}) is read as {@code check} reads it ({@link FieldReading}):
 * a value {@code check} counts as missing there is {@link RowValue.Missing}, so {@code NaN} or {@code NA} in a
 * numeric column is missing while {@code NA} in a categorical one stays a label. Every problem is a
 * {@link BadInputException} naming the file and line. Not thread-safe.
 */
public final class RowReader implements AutoCloseable {
    private final Path file;
    private final RowSource source;

    private RowReader(Path file, RowSource source) {
        this.file = file;
        this.source = source;
    }

    /**
     * Opens {@code file} and reads its header (CSV) or first object (JSON Lines).
     *
     * @throws BadInputException when the file is missing, unreadable, empty or its first line is malformed
     */
    public static RowReader open(Path file) throws BadInputException {
        return open(file, Map.of());
    }

    /**
     * Opens {@code file} with the columns of {@code columnTypes} read as {@code check} reads a column of that type;
     * the others are read as written.
     *
     * @throws BadInputException when the file is missing, unreadable, empty or its first line is malformed
     */
    public static RowReader open(Path file, Map<String, ColumnType> columnTypes) throws BadInputException {
        requireNonNull(file, "file");
        requireNonNull(columnTypes, "columnTypes");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + " does not exist or is not a file; check the path");
        }
        InputFile input = TableReader.inputOf(file);
        try {
            RowSource source = switch (input.kind()) {
                case CSV -> CsvRows.open(input, columnTypes);
                case JSON_LINES -> JsonLinesRows.open(input, columnTypes);
                case PARQUET -> ParquetRows.open(file, columnTypes);
            };
            return new RowReader(file, source);
        } catch (InputFile.DamagedGzipException e) {
            throw new BadInputException(String.valueOf(e.getMessage()), e);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + " does not exist; check the path", e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * The column names: the CSV header, the Parquet schema's, or the keys of a JSON Lines file's first object (later lines
     * may add others).
     */
    public List<String> columns() {
        return source.columns();
    }

    /**
     * @return the next data row, or empty at the end of the file
     * @throws BadInputException when the row is malformed (wrong field count, invalid JSON, an array value)
     */
    public Optional<Row> next() throws BadInputException {
        try {
            return source.next();
        } catch (InputFile.DamagedGzipException e) {
            throw new BadInputException(String.valueOf(e.getMessage()), e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
