/**
 * Model quality from predictions joined to their true labels, in plain Java: mergeable tallies per window
 * (classification and regression), the metrics scikit-learn defines on them, label coverage and label delay
 * quantiles, and the tallies' versioned byte format. The streaming topology keeps one tally per model
 * version and window, merges partial tallies from its partitions, and reports what {@link
 * io.driftwatch.stats.quality.QualityTally#summary()} computes.
 */
@NullMarked
package io.driftwatch.stats.quality;

import org.jspecify.annotations.NullMarked;
