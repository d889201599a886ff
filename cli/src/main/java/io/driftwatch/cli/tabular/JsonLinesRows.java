package io.driftwatch.cli.tabular;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.driftwatch.cli.BadInputException;
import io.driftwatch.stats.compare.ColumnType;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of a JSON Lines file, one object each, read with Jackson's streaming parser. Nested objects give
 * dotted names as in {@link JsonLinesFormat}; a key given twice in one object is an error rather than a
 * silent overwrite. The first object is read on opening, so its keys can serve as the file's columns. A field
 * with a given type is read by {@link FieldReading}, as {@code check} reads it.
 */
final class JsonLinesRows implements RowSource {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final Path file;
    private final JsonParser parser;
    private final Map<String, ColumnType> columnTypes;
    private final List<String> columns;
    private @Nullable Row pending;

    private JsonLinesRows(Path file, JsonParser parser, Map<String, ColumnType> columnTypes)
            throws IOException, BadInputException {
        this.file = file;
        this.parser = parser;
        this.columnTypes = Map.copyOf(columnTypes);
        this.pending = read().orElse(null);
        this.columns = pending == null ? List.of() : List.copyOf(pending.values().keySet());
    }

    static JsonLinesRows open(InputFile file, Map<String, ColumnType> columnTypes) throws IOException, BadInputException {
        JsonParser parser = FACTORY.createParser(file.open());
        try {
            return new JsonLinesRows(file.path(), parser, columnTypes);
        } catch (IOException | BadInputException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public Optional<Row> next() throws IOException, BadInputException {
        if (pending != null) {
            Row row = pending;
            pending = null;
            return Optional.of(row);
        }
        return read();
    }

    private Optional<Row> read() throws IOException, BadInputException {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return Optional.empty();
            }
            long line = parser.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                throw JsonLinesFormat.notAnObject(file, line, token);
            }
            Map<String, RowValue> values = new LinkedHashMap<>();
            readObject("", values, line);
            return Optional.of(new Row(line, values));
        } catch (JsonParseException e) {
            throw JsonLinesFormat.invalidJson(file, e);
        }
    }

    private void readObject(String prefix, Map<String, RowValue> values, long line) throws IOException, BadInputException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + parser.currentName();
            JsonToken token = parser.nextToken();
            switch (token) {
                case START_OBJECT -> readObject(name + ".", values, line);
                case VALUE_NULL -> values.put(name, RowValue.Missing.VALUE);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.put(name, number(name));
                case VALUE_TRUE, VALUE_FALSE -> values.put(name, new RowValue.Bool(token == JsonToken.VALUE_TRUE));
                case VALUE_STRING -> values.put(name, string(name));
                default -> throw new BadInputException(file + " line " + line + ": field '" + name + "' is "
                        + (token == JsonToken.START_ARRAY ? "an array" : "the JSON value " + token.asString())
                        + "; each field of a row must hold a single value or an object");
            }
        }
    }

    private RowValue number(String name) throws IOException {
        double value = parser.getDoubleValue();
        ColumnType type = columnTypes.get(name);
        if (type != null && FieldReading.jsonNumber(type, value) == FieldReading.Kind.MISSING) {
            return RowValue.Missing.VALUE;
        }
        return new RowValue.Numeric(value, parser.getText());
    }

    private RowValue string(String name) throws IOException {
        String text = parser.getText();
        ColumnType type = columnTypes.get(name);
        if (type != null && FieldReading.jsonString(type, text) == FieldReading.Kind.MISSING) {
            return RowValue.Missing.VALUE;
        }
        return new RowValue.Text(text);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
