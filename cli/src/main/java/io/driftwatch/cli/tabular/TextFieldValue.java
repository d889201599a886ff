package io.driftwatch.cli.tabular;

import io.driftwatch.stats.compare.ColumnType;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;

/**
 * The {@link RowValue} of one field given as text (a CSV field, or a Parquet value that is not a number), by the
 * CSV rules {@link RowValue} states; shared so the two formats type the same text the same way. Not thread-safe: it
 * holds a number parser.
 */
final class TextFieldValue {
    private final DecimalParser parser = new DecimalParser();
    private final FieldReading reading = new FieldReading();

    /**
     * @param type the column's given type, or null to read the field as written
     */
    RowValue of(@Nullable ColumnType type, byte[] bytes, int start, int end) {
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
}
