/**
 * Multivariate drift in the stream: the PCA reconstruction fit a baseline stores, read back into the statistics'
 * model ({@link io.driftwatch.topology.multivariate.BaselineReconstructions}), each inference scored as it arrives
 * ({@link io.driftwatch.topology.multivariate.InferenceRows}), and a closed window's errors judged into its drift
 * report ({@link io.driftwatch.topology.multivariate.MultivariateDriftRecords}). The statistics are
 * {@code io.driftwatch.stats.multivariate}'s, the same {@code check --multivariate pca} uses, so a window and a chunk
 * of the same rows give the same numbers.
 */
@NullMarked
package io.driftwatch.topology.multivariate;

import org.jspecify.annotations.NullMarked;
