package io.driftwatch.cli.multivariate;

import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.DriftComparison;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The features the PCA is fitted on and how each is encoded: the columns {@code check} compared (so excluded
 * columns, the time column and the label and score columns are left out as {@code check} leaves them out) except
 * the prediction column, which {@code check} compares but which is the model's output, not its input; each with the
 * type {@code check} gave it. A column {@code check} compares as numbers (every value a number, or
 * declared {@code --column-type C=numeric}) is continuous; any other (text, booleans, a mix of numbers and text, or
 * declared categorical) is categorical. One rule, {@code check}'s, so the stream, fed the same types, encodes alike.
 *
 * @param types each feature's type, in the order the fit keeps them
 */
public record Features(Map<String, ColumnType> types) {
    public Features {
        types = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(types, "types")));
    }

    /**
     * The columns of {@code wholeFile} that the reference has, as {@code check} typed them.
     *
     * @param outputs the model's output columns {@code check} compares (the prediction column with {@code --labels})
     */
    public static Features of(DriftComparison wholeFile, Set<String> outputs) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (ColumnReport column : wholeFile.columns().values()) {
            if (!outputs.contains(column.column()) && column.referenceCount() + column.referenceMissing() > 0) {
                types.put(column.column(), column.type());
            }
        }
        return new Features(types);
    }

    /** The feature names, in the fit's order. */
    public List<String> names() {
        return List.copyOf(types.keySet());
    }
}
