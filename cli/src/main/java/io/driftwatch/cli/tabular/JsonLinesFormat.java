package io.driftwatch.cli.tabular;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.driftwatch.cli.BadInputException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * JSON Lines: one object per line. Nested objects become dotted column names ({@code {"f": {"age": 3}}}
 * is column {@code f.age}); a key absent from a line is a missing value; numbers are numbers and strings
 * are labels, whatever they look like.
 */
final class JsonLinesFormat implements TableFormat {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    @Override
    public long readInto(InputFile source, ColumnSet columns) throws IOException, BadInputException {
        Path file = source.path();
        long rows = 0;
        try (JsonParser parser = FACTORY.createParser(source.open())) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                long line = parser.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    throw notAnObject(file, line, token);
                }
                columns.rowStarted(line);
                readObject(file, parser, "", columns, line);
                rows++;
            }
        } catch (JsonParseException e) {
            throw invalidJson(file, e);
        }
        return rows;
    }

    static BadInputException notAnObject(Path file, long line, JsonToken token) {
        return new BadInputException(file + " line " + line + ": expected a JSON object, found " + token.asString()
                + "; JSON Lines files hold one object per line");
    }

    static BadInputException invalidJson(Path file, JsonParseException e) {
        return new BadInputException(file + " line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ": invalid JSON (" + e.getOriginalMessage() + ")", e);
    }

    private static void readObject(Path file, JsonParser parser, String prefix, ColumnSet columns, long line)
            throws IOException, BadInputException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
                readObject(file, parser, name + ".", columns, line);
                continue;
            }
            if (value == JsonToken.START_ARRAY) {
                columns.noteArray(name, line);
                parser.skipChildren();
                continue;
            }
            ColumnAccumulator column = columns.accumulator(name);
            if (column == null) {
                continue;
            }
            switch (value) {
                case VALUE_NULL -> column.addMissing();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> columns.addNumber(column, parser.getDoubleValue(), parser.getText());
                case VALUE_TRUE, VALUE_FALSE, VALUE_STRING -> columns.addString(column, parser.getText(), line);
                default -> throw new BadInputException(file + " line " + line + ": field '" + name
                        + "' has an unexpected JSON value " + value.asString());
            }
        }
    }
}
