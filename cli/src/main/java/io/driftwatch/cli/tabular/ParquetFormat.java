package io.driftwatch.cli.tabular;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.stats.compare.ColumnType;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parquet, read through {@link ParquetFile} into the same columns a CSV export of the file gives: number columns
 * as numbers, other values as their text under the CSV rules, NULL as missing. A column read as categories takes
 * the text of its numbers, as a CSV field would. The "line" in an error message is the row's number, from 1.
 */
final class ParquetFormat implements TableFormat {

    @Override
    public long readInto(InputFile file, ColumnSet columns) throws BadInputException {
        try (ParquetFile parquet = ParquetFile.open(file.path())) {
            List<ColumnAccumulator> accumulators = new ArrayList<>();
            List<Boolean> numbers = new ArrayList<>();
            List<String> expressions = new ArrayList<>();
            for (ParquetColumn column : parquet.columns()) {
                if (column.reading() == ParquetColumn.Reading.NESTED) {
                    columns.noteArray(column.name(), 1);
                    continue;
                }
                ColumnAccumulator accumulator = columns.accumulator(column.name());
                if (accumulator == null) {
                    continue;
                }
                boolean number = column.reading() == ParquetColumn.Reading.NUMBER
                        && accumulator.type() == ColumnType.NUMERIC;
                accumulators.add(accumulator);
                numbers.add(number);
                expressions.add(number ? column.asNumber() : column.asText());
            }
            try (ResultSet rows = parquet.rows(expressions)) {
                return readRows(rows, columns, accumulators, numbers);
            } catch (SQLException e) {
                throw parquet.unreadable(e);
            }
        }
    }

    private static long readRows(ResultSet rows, ColumnSet columns, List<ColumnAccumulator> accumulators,
                                 List<Boolean> numbers) throws SQLException, BadInputException {
        int count = accumulators.size();
        ColumnAccumulator[] targets = accumulators.toArray(new ColumnAccumulator[0]);
        boolean[] isNumber = new boolean[count];
        for (int i = 0; i < count; i++) {
            isNumber[i] = numbers.get(i);
        }
        long row = 0;
        while (rows.next()) {
            row++;
            columns.rowStarted(row);
            for (int i = 0; i < count; i++) {
                if (isNumber[i]) {
                    double value = rows.getDouble(i + 1);
                    if (rows.wasNull()) {
                        targets[i].addMissing();
                    } else {
                        columns.addNumber(targets[i], value, "");
                    }
                } else {
                    String text = rows.getString(i + 1);
                    if (text == null) {
                        targets[i].addMissing();
                    } else {
                        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                        columns.addText(targets[i], bytes, 0, bytes.length, row);
                    }
                }
            }
        }
        return row;
    }
}
