package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.stats.compare.ColumnType;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of a CSV file with a header line, through the same scanner and header rules as {@link CsvFormat}; a
 * column with a given type is read by {@link FieldReading}, as {@code check} reads it.
 */
final class CsvRows implements RowSource {
    private final Path file;
    private final InputStream input;
    private final CsvScanner scanner;
    private final List<String> header;
    /** The given type of each field, by position; null where the field is read as written. */
    private final @Nullable ColumnType[] types;
    private final TextFieldValue textValue = new TextFieldValue();

    private CsvRows(Path file, InputStream input, CsvScanner scanner, List<String> header,
                    Map<String, ColumnType> columnTypes) {
        this.file = file;
        this.input = input;
        this.scanner = scanner;
        this.header = header;
        this.types = new ColumnType[header.size()];
        for (int i = 0; i < header.size(); i++) {
            types[i] = columnTypes.get(header.get(i));
        }
    }

    static CsvRows open(InputFile file, Map<String, ColumnType> columnTypes) throws IOException, BadInputException {
        InputStream input = file.open();
        return open(file.path(), input, columnTypes);
    }

    private static CsvRows open(Path file, InputStream input, Map<String, ColumnType> columnTypes)
            throws IOException, BadInputException {
        try {
            CsvScanner scanner = new CsvScanner(input);
            if (!scanner.next()) {
                throw new BadInputException(file + " is empty; a CSV file needs a header line naming its columns");
            }
            return new CsvRows(file, input, scanner, CsvFormat.header(file, scanner), columnTypes);
        } catch (CsvScanner.UnterminatedQuoteException e) {
            input.close();
            throw CsvFormat.unterminatedQuote(file, e);
        } catch (IOException | BadInputException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    @Override
    public List<String> columns() {
        return header;
    }

    @Override
    public Optional<Row> next() throws IOException, BadInputException {
        try {
            if (!scanner.next()) {
                return Optional.empty();
            }
        } catch (CsvScanner.UnterminatedQuoteException e) {
            throw CsvFormat.unterminatedQuote(file, e);
        }
        if (scanner.fieldCount() != header.size()) {
            throw CsvFormat.fieldCountMismatch(file, scanner, header.size());
        }
        Map<String, RowValue> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), value(i));
        }
        return Optional.of(new Row(scanner.line(), values));
    }

    private RowValue value(int field) {
        return textValue.of(types[field], scanner.bytes(field), scanner.start(field), scanner.end(field));
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
