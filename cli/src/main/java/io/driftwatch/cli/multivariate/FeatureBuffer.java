package io.driftwatch.cli.multivariate;

import io.driftwatch.cli.tabular.Row;
import io.driftwatch.cli.tabular.RowValue;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.multivariate.CategoricalColumn;
import io.driftwatch.stats.multivariate.ContinuousColumn;
import io.driftwatch.stats.multivariate.FeatureColumn;
import io.driftwatch.stats.multivariate.FeatureTable;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One chunk's feature values as its rows arrive, only the features kept (a number per continuous value, a reference
 * per category), then handed over as a {@link FeatureTable}. In a continuous column a finite number is kept and
 * anything else is missing (NaN); in a categorical one the value as the file spells it ({@code true}, {@code 1.5},
 * {@code red}), missing as null. Not thread-safe.
 */
final class FeatureBuffer {
    private final Features features;
    private final List<double[]> numbers = new ArrayList<>();
    private final List<List<@Nullable String>> categories = new ArrayList<>();
    private int rows;

    FeatureBuffer(Features features) {
        this.features = features;
        for (ColumnType type : features.types().values()) {
            numbers.add(type == ColumnType.NUMERIC ? new double[16] : new double[0]);
            categories.add(type == ColumnType.NUMERIC ? List.of() : new ArrayList<>());
        }
    }

    void add(Row row) {
        int column = 0;
        for (Map.Entry<String, ColumnType> feature : features.types().entrySet()) {
            RowValue value = row.value(feature.getKey());
            if (feature.getValue() == ColumnType.NUMERIC) {
                double[] values = numbers.get(column);
                if (rows == values.length) {
                    values = Arrays.copyOf(values, values.length * 2);
                    numbers.set(column, values);
                }
                values[rows] = value instanceof RowValue.Numeric number && Double.isFinite(number.value())
                        ? number.value() : Double.NaN;
            } else {
                categories.get(column).add(value instanceof RowValue.Missing ? null : value.text());
            }
            column++;
        }
        rows++;
    }

    FeatureTable table() {
        List<FeatureColumn> columns = new ArrayList<>();
        int column = 0;
        for (Map.Entry<String, ColumnType> feature : features.types().entrySet()) {
            columns.add(feature.getValue() == ColumnType.NUMERIC
                    ? ContinuousColumn.of(feature.getKey(), Arrays.copyOf(numbers.get(column), rows))
                    : CategoricalColumn.of(feature.getKey(), categories.get(column)));
            column++;
        }
        return new FeatureTable(columns);
    }
}
