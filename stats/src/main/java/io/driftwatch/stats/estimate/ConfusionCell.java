package io.driftwatch.stats.estimate;

/** The four cells of a binary confusion matrix, each with the true and predicted class it counts. */
public enum ConfusionCell {
    TRUE_POSITIVE(true, true),
    FALSE_POSITIVE(false, true),
    FALSE_NEGATIVE(true, false),
    TRUE_NEGATIVE(false, false);

    private final boolean actuallyPositive;
    private final boolean predictedPositive;

    ConfusionCell(boolean actuallyPositive, boolean predictedPositive) {
        this.actuallyPositive = actuallyPositive;
        this.predictedPositive = predictedPositive;
    }

    /** Whether the rows of this cell have the positive class as their true class. */
    public boolean actuallyPositive() {
        return actuallyPositive;
    }

    /** Whether the rows of this cell were predicted positive. */
    public boolean predictedPositive() {
        return predictedPositive;
    }
}
