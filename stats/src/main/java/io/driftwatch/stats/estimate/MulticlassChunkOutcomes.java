package io.driftwatch.stats.estimate;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * What multiclass CBPE reads of one chunk's rows: each row's scores (one per class, in class order), its predicted
 * class and, where the row has a label, its true class, classes as indices into the model's sorted class names. A
 * row without a prediction or a score is not held, as NannyML drops rows with either missing. Not thread-safe.
 */
public final class MulticlassChunkOutcomes {
    private final List<double[]> scores = new ArrayList<>();
    private final List<Integer> predicted = new ArrayList<>();
    private final List<@Nullable Integer> actual = new ArrayList<>();

    /** Adds a row; {@code actualClass} is null when the row has no label. */
    public void add(double[] rowScores, int predictedClass, @Nullable Integer actualClass) {
        scores.add(rowScores.clone());
        predicted.add(predictedClass);
        actual.add(actualClass);
    }

    /** The rows held. */
    public int size() {
        return scores.size();
    }

    public double[] scores(int row) {
        return scores.get(row).clone();
    }

    public int predicted(int row) {
        return predicted.get(row);
    }

    /** The row's true class; null when the row has no label. */
    public @Nullable Integer actual(int row) {
        return actual.get(row);
    }
}
