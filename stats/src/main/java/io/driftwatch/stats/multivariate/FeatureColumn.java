package io.driftwatch.stats.multivariate;

/**
 * One feature's values over a set of rows, the input a reconstruction fit is computed from and the shape in which a
 * batch {@code check} hands over a chunk. A value may be missing; the fit's imputation fills it in.
 */
public sealed interface FeatureColumn permits ContinuousColumn, CategoricalColumn {
    /** The feature's name, unique within a {@link FeatureTable}. */
    String name();

    /** How the column is encoded. */
    ColumnKind kind();

    /** The number of rows. */
    int size();
}
