package io.driftwatch.stats.multivariate;

/**
 * How NannyML's {@code _split_features_by_type} treats a column: text and boolean columns are categorical and get
 * count-encoded, numbers are continuous and pass through. A boolean feature enters as the categories {@code "true"}
 * and {@code "false"}.
 */
public enum ColumnKind {
    /** Text or boolean values; imputed with the most frequent reference value, encoded by its reference share. */
    CATEGORICAL,
    /** Numbers; imputed with the reference mean. */
    CONTINUOUS
}
