/**
 * Drift measures that compare two histograms: the bins of a numeric column ({@link
 * io.driftwatch.stats.drift.binned.Binning}) or the union of a categorical column's categories. The
 * measures (PSI, Jensen-Shannon, Hellinger, Kullback-Leibler) reproduce what Evidently, NannyML and SciPy
 * report for the same bins, so a threshold tuned in one of those tools carries over.
 */
@NullMarked
package io.driftwatch.stats.drift.binned;

import org.jspecify.annotations.NullMarked;
