package io.driftwatch.stats.profile;

/**
 * A mergeable summary of one column over one window or baseline: either numeric or categorical. One
 * state store can hold both kinds, and {@link ProfileCodec#fromBytes(byte[])} tells them apart.
 * Missing values are counted apart from valid ones and never reach a statistic.
 */
public sealed interface ColumnProfile permits NumericProfile, CategoricalProfile {
    /** Number of valid values: finite numbers for a numeric column, non-null strings for a categorical one. */
    long count();

    /** Number of records whose value was null or absent. */
    long nullCount();

    /** Number of records whose value had the wrong type, for example a string where a number was expected. */
    long wrongTypeCount();

    /** Number of records without a valid value: null, wrong type, and for numbers NaN or infinite. */
    default long missingCount() {
        return nullCount() + wrongTypeCount();
    }

    /** Number of records the profile saw: valid values and missing ones. */
    default long recordCount() {
        return count() + missingCount();
    }
}
