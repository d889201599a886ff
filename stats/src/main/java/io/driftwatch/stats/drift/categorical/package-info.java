/**
 * Drift tests that only make sense on categories: the goodness-of-fit and proportion tests with p-values
 * (chi-square, two-proportion z), TFDV's L-infinity distance, and the schema finding of categories the
 * reference never saw. The histogram distances that also apply to categories live in
 * {@link io.driftwatch.stats.drift.binned}.
 */
@NullMarked
package io.driftwatch.stats.drift.categorical;

import org.jspecify.annotations.NullMarked;
