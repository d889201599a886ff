package io.driftwatch.stats.estimate;

/**
 * How NannyML reports a confusion-matrix cell ({@code normalize_confusion_matrix}): as a count, as a share of all
 * rows, of the rows of the cell's true class, or of the rows of its predicted class.
 */
public enum ConfusionNormalization {
    /** The count itself (NannyML's {@code None}). */
    NONE,
    /** A share of all rows ({@code 'all'}). */
    ALL,
    /** A share of the rows whose true class is the cell's ({@code 'true'}). */
    TRUE,
    /** A share of the rows whose predicted class is the cell's ({@code 'pred'}). */
    PREDICTED
}
