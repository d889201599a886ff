package io.driftwatch.cli.multivariate;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.cli.tabular.RowChunks;
import io.driftwatch.cli.tabular.RowReader;
import io.driftwatch.cli.tabular.RowValue;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.multivariate.CategoricalColumn;
import io.driftwatch.stats.multivariate.ContinuousColumn;
import io.driftwatch.stats.multivariate.FeatureColumn;
import io.driftwatch.stats.multivariate.FeatureTable;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a file's features into one {@link FeatureTable} per chunk, in one pass, rows kept in the file's order within
 * each chunk. Values are read as {@code check} reads a column of the feature's type ({@link RowReader}): in a
 * continuous column a finite number, anything else missing (NaN); in a categorical one the value as the file spells it
 * ({@code true}, {@code 1.5}, {@code red}), missing as null. Holds every feature value of the file while it reads.
 */
public final class ChunkFeatureReader {
    private ChunkFeatureReader() {
    }

    /**
     * @throws BadInputException when the file cannot be read
     */
    public static List<FeatureTable> read(Path file, Features features, RowChunks chunks) throws BadInputException {
        List<List<Row>> rowsByChunk = new ArrayList<>();
        for (int chunk = 0; chunk < chunks.count(); chunk++) {
            rowsByChunk.add(new ArrayList<>());
        }
        try (RowReader rows = RowReader.open(file, features.types())) {
            long index = 0;
            for (Optional<Row> next = rows.next(); next.isPresent(); next = rows.next(), index++) {
                rowsByChunk.get(chunks.chunkOfRow().applyAsInt(index)).add(next.get());
            }
        }
        List<FeatureTable> tables = new ArrayList<>();
        for (List<Row> rows : rowsByChunk) {
            tables.add(table(rows, features));
        }
        return tables;
    }

    private static FeatureTable table(List<Row> rows, Features features) {
        List<FeatureColumn> columns = new ArrayList<>();
        for (Map.Entry<String, ColumnType> feature : features.types().entrySet()) {
            String name = feature.getKey();
            if (feature.getValue() == ColumnType.NUMERIC) {
                columns.add(ContinuousColumn.of(name, rows.stream().mapToDouble(row -> number(row.value(name))).toArray()));
            } else {
                List<@Nullable String> categories = new ArrayList<>();
                rows.forEach(row -> categories.add(category(row.value(name))));
                columns.add(CategoricalColumn.of(name, categories));
            }
        }
        return new FeatureTable(columns);
    }

    private static double number(RowValue value) {
        return value instanceof RowValue.Numeric number && Double.isFinite(number.value()) ? number.value() : Double.NaN;
    }

    private static @Nullable String category(RowValue value) {
        return value instanceof RowValue.Missing ? null : value.text();
    }
}
