package io.driftwatch.stats.multivariate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Rows held column by column, as a reference set or a batch chunk arrives: the fit reads whole columns (means,
 * category shares), the errors read rows ({@link #row(int)}).
 *
 * @param columns the features, in the order the fit keeps them; names unique, all of one length
 */
public record FeatureTable(List<FeatureColumn> columns) {
    public FeatureTable {
        columns = List.copyOf(requireNonNull(columns, "columns"));
        Set<String> names = new HashSet<>();
        for (FeatureColumn column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("column " + column.name() + " appears twice; give each feature one column");
            }
            if (column.size() != columns.get(0).size()) {
                throw new IllegalArgumentException("column " + column.name() + " has " + column.size() + " rows but column "
                        + columns.get(0).name() + " has " + columns.get(0).size() + "; every column needs one value per row");
            }
        }
    }

    /** The number of rows, 0 for a table without columns. */
    public int rowCount() {
        return columns.isEmpty() ? 0 : columns.get(0).size();
    }

    /** Row {@code index}, its missing values left out. */
    public FeatureRow row(int index) {
        Map<String, Double> numbers = new HashMap<>();
        Map<String, String> categories = new HashMap<>();
        for (FeatureColumn column : columns) {
            if (column instanceof ContinuousColumn continuous && !Double.isNaN(continuous.value(index))) {
                numbers.put(column.name(), continuous.value(index));
            } else if (column instanceof CategoricalColumn categorical) {
                String category = categorical.value(index);
                if (category != null) {
                    categories.put(column.name(), category);
                }
            }
        }
        return new FeatureRow(numbers, categories);
    }
}
