package io.driftwatch.cli.multivariate;

import io.driftwatch.cli.tabular.Table;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.profile.NumericProfile;

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
 * declared categorical) is categorical. One rule, {@code check}'s, so the stream, fed the same types, encodes alike;
 * {@code baseline --multivariate pca} applies it to its training file ({@link #of(Table, Set)}) and stores the fit.
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
            if (column.referenceCount() + column.referenceMissing() > 0) {
                types.put(column.column(), column.type());
            }
        }
        return chosen(types, outputs);
    }

    /**
     * {@code baseline --multivariate pca}'s features: the columns of {@code reference} that hold a value, as the reader
     * typed them, but {@code notFeatures}. {@code check} reads its reference with the same reader and compares exactly
     * the reference's columns that hold a value (those the current file also has, of the same type), so given this
     * file as its reference it fits on these features, typed alike.
     *
     * @param reference   the file as {@code baseline} read it, excluded columns already left out
     * @param notFeatures the columns that hold the model's outputs or the truth (prediction, label, scores)
     */
    public static Features of(Table reference, Set<String> notFeatures) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (String column : reference.columnOrder()) {
            ColumnData values = reference.columns().get(column);
            NumericProfile sketch = reference.sketchedColumns().get(column);
            if (values != null && values.validCount() > 0) {
                types.put(column, values.type());
            } else if (sketch != null && sketch.count() > 0) {
                types.put(column, ColumnType.NUMERIC);
            }
        }
        return chosen(types, notFeatures);
    }

    private static Features chosen(Map<String, ColumnType> referenceTypes, Set<String> notFeatures) {
        Map<String, ColumnType> types = new LinkedHashMap<>(referenceTypes);
        types.keySet().removeAll(notFeatures);
        return new Features(types);
    }

    /** The feature names, in the fit's order. */
    public List<String> names() {
        return List.copyOf(types.keySet());
    }
}
