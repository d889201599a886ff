package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.stats.compare.ColumnType;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    private final DecimalParser parser = new DecimalParser();
    private final FieldReading reading = new FieldReading();

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

    static CsvRows open(Path file, Map<String, ColumnType> columnTypes) throws IOException, BadInputException {
        InputStream input = Files.newInputStream(file);
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
        byte[] bytes = scanner.bytes(field);
        int start = scanner.start(field);
        int end = scanner.end(field);
        ColumnType type = types[field];
        if (type == null) {
            return asWritten(bytes, start, end, text(bytes, start, end));
        }
        FieldReading.Kind kind = reading.csvField(type, bytes, start, end);
        if (kind == FieldReading.Kind.MISSING) {
            return RowValue.Missing.VALUE;
        }
        String text = text(bytes, start, end);
        if (kind == FieldReading.Kind.NUMBER) {
            return new RowValue.Numeric(reading.number(), text.strip());
        }
        if (kind == FieldReading.Kind.LABEL && text.isBlank()) {
            // check keeps a field of spaces as a label in a categorical column; only an empty one is missing there
            return new RowValue.Text(text);
        }
        return asWritten(bytes, start, end, text);
    }

    private static String text(byte[] bytes, int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    private RowValue asWritten(byte[] bytes, int start, int end, String text) {
        if (text.isBlank()) {
            return RowValue.Missing.VALUE;
        }
        if (parser.parse(bytes, start, end)) {
            return new RowValue.Numeric(parser.value(), text.strip());
        }
        if (text.strip().equalsIgnoreCase("true") || text.strip().equalsIgnoreCase("false")) {
            return new RowValue.Bool(Boolean.parseBoolean(text.strip()));
        }
        return new RowValue.Text(text);
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
