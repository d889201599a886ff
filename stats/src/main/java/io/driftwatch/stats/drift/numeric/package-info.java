/**
 * Drift tests on the raw values of a numeric column, each matching SciPy's definition of the same test to the
 * tolerances of the shared golden cases (statistics within 1e-9, p-values within 1e-6 relative). All work in
 * O(n + m) on the already sorted samples, except the exact KS p-value (see {@link
 * io.driftwatch.stats.drift.numeric.KsTest}).
 */
@NullMarked
package io.driftwatch.stats.drift.numeric;

import org.jspecify.annotations.NullMarked;
