package io.driftwatch.stats.estimate;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;

/**
 * What CBPE reads of one chunk's rows: each row's score (the model's probability of the positive class), whether it
 * was predicted positive, and, where the row has a label, whether it is positive. A row without a prediction or a
 * score is not held, as NannyML drops rows with either missing. Not thread-safe.
 */
public final class ChunkOutcomes {
    private double[] scores = new double[64];
    private boolean[] predictedPositive = new boolean[64];
    private boolean[] labelled = new boolean[64];
    private boolean[] actuallyPositive = new boolean[64];
    private int size;

    /** Adds a row; {@code actual} is null when the row has no label. */
    public void add(double score, boolean predicted, @Nullable Boolean actual) {
        if (size == scores.length) {
            scores = Arrays.copyOf(scores, size * 2);
            predictedPositive = Arrays.copyOf(predictedPositive, size * 2);
            labelled = Arrays.copyOf(labelled, size * 2);
            actuallyPositive = Arrays.copyOf(actuallyPositive, size * 2);
        }
        scores[size] = score;
        predictedPositive[size] = predicted;
        labelled[size] = actual != null;
        actuallyPositive[size] = actual != null && actual;
        size++;
    }

    /** The rows held. */
    public int size() {
        return size;
    }

    public double score(int row) {
        return scores[row];
    }

    public boolean predictedPositive(int row) {
        return predictedPositive[row];
    }

    public boolean labelled(int row) {
        return labelled[row];
    }

    public boolean actuallyPositive(int row) {
        return actuallyPositive[row];
    }
}
