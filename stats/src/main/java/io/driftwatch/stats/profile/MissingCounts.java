package io.driftwatch.stats.profile;

/** The three ways a value can be missing, as decoded by {@link ProfileCodec}; all non-negative. */
record MissingCounts(long nullCount, long nonFiniteCount, long wrongTypeCount) {
}
