/**
 * Estimated performance in the stream: the CBPE fit a baseline stores, read back into the statistics' model
 * ({@link io.driftwatch.topology.estimate.BaselineEstimations}), the mergeable state of a window's estimate
 * ({@link io.driftwatch.topology.estimate.EstimateTally}) and the estimate in a quality report. The statistics are
 * {@code io.driftwatch.stats.estimate}'s, the same {@code check} uses, so a window and a chunk of the same rows give
 * the same numbers.
 */
@NullMarked
package io.driftwatch.topology.estimate;

import org.jspecify.annotations.NullMarked;
