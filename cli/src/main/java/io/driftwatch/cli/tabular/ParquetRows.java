package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.stats.compare.ColumnType;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of a Parquet file, streamed from {@link ParquetFile}, each value typed as {@link ParquetFormat} reads its
 * column: a number column gives {@link RowValue.Numeric} (spelled as DuckDB writes it), any other value is its text
 * typed by the CSV rules ({@link TextFieldValue}), NULL is {@link RowValue.Missing}. A list, struct or map column is
 * an error, as a JSON array is. A row's "line" is its number, from 1.
 */
final class ParquetRows implements RowSource {
    private final Path file;
    private final ParquetFile parquet;
    private final ResultSet rows;
    private final List<ParquetColumn> columns;
    private final @Nullable ColumnType[] types;
    private final TextFieldValue textValue = new TextFieldValue();
    private long row;

    private ParquetRows(Path file, ParquetFile parquet, ResultSet rows, List<ParquetColumn> columns,
                        Map<String, ColumnType> columnTypes) {
        this.file = file;
        this.parquet = parquet;
        this.rows = rows;
        this.columns = columns;
        this.types = new ColumnType[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            types[i] = columnTypes.get(columns.get(i).name());
        }
    }

    static ParquetRows open(Path file, Map<String, ColumnType> columnTypes) throws BadInputException {
        ParquetFile parquet = ParquetFile.open(file);
        try {
            List<String> expressions = new ArrayList<>();
            for (ParquetColumn column : parquet.columns()) {
                if (column.reading() == ParquetColumn.Reading.NESTED) {
                    throw new BadInputException(file + ": column '" + column.name() + "' is a " + column.duckType()
                            + "; each column of a row must hold a single value");
                }
                if (column.reading() == ParquetColumn.Reading.NUMBER) {
                    expressions.add(column.asNumber());
                }
                expressions.add(column.asText());
            }
            return new ParquetRows(file, parquet, parquet.rows(expressions), parquet.columns(), columnTypes);
        } catch (BadInputException | RuntimeException e) {
            parquet.close();
            throw e;
        }
    }

    @Override
    public List<String> columns() {
        return columns.stream().map(ParquetColumn::name).toList();
    }

    @Override
    public Optional<Row> next() throws BadInputException {
        try {
            if (!rows.next()) {
                return Optional.empty();
            }
            row++;
            Map<String, RowValue> values = new LinkedHashMap<>();
            int position = 1;
            for (int i = 0; i < columns.size(); i++) {
                ParquetColumn column = columns.get(i);
                if (column.reading() == ParquetColumn.Reading.NUMBER) {
                    double number = rows.getDouble(position++);
                    values.put(column.name(), numberValue(types[i], number, rows.getString(position++)));
                } else {
                    values.put(column.name(), textValue(types[i], rows.getString(position++)));
                }
            }
            return Optional.of(new Row(row, values));
        } catch (SQLException e) {
            throw parquet.unreadable(e);
        }
    }

    private RowValue numberValue(@Nullable ColumnType type, double number, @Nullable String text) {
        if (text == null) {
            return RowValue.Missing.VALUE;
        }
        if (type == ColumnType.CATEGORICAL) {
            return textValue(type, text);
        }
        if (type != null && FieldReading.jsonNumber(type, number) == FieldReading.Kind.MISSING) {
            return RowValue.Missing.VALUE;
        }
        return new RowValue.Numeric(number, text);
    }

    private RowValue textValue(@Nullable ColumnType type, @Nullable String text) {
        if (text == null) {
            return RowValue.Missing.VALUE;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return textValue.of(type, bytes, 0, bytes.length);
    }

    @Override
    public void close() throws IOException {
        try {
            rows.close();
        } catch (SQLException e) {
            throw new IOException("cannot close " + file + ": " + e.getMessage(), e);
        } finally {
            closeFile();
        }
    }

    private void closeFile() throws IOException {
        try {
            parquet.close();
        } catch (BadInputException e) {
            throw new IOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
