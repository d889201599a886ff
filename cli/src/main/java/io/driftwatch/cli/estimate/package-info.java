/**
 * Estimated performance in {@code check --estimate-performance}: NannyML's confidence-based performance estimation
 * (CBPE) of a binary classifier, fitted on the labelled reference and applied to each chunk of the current file,
 * with the core of {@code io.driftwatch.stats.estimate}: the rows a chunk holds ({@link
 * io.driftwatch.stats.estimate.ChunkOutcomes}), the fit ({@link io.driftwatch.stats.estimate.CbpeModel}), the
 * estimates ({@link io.driftwatch.cli.estimate.PerformanceEstimation}) and their rendering.
 */
@NullMarked
package io.driftwatch.cli.estimate;

import org.jspecify.annotations.NullMarked;
