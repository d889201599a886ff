package io.driftwatch.stats.multivariate;

/**
 * Turns one feature of a row into the number PCA sees, before scaling: the reference's imputation for a missing
 * value, then the column's encoding. Holds only the fitted numbers, so a baseline can store and restore it.
 */
public sealed interface ColumnEncoder permits ContinuousEncoder, CategoricalEncoder {
    /** The feature this encoder reads. */
    String name();

    /** The kind of column it encodes. */
    ColumnKind kind();

    /** The feature's encoded value in {@code row}. */
    double encode(FeatureRow row);
}
