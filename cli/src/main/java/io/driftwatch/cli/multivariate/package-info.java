/**
 * Multivariate drift in {@code check --multivariate pca}: NannyML's PCA reconstruction error
 * ({@code io.driftwatch.stats.multivariate}) fitted on the reference's features and computed on each chunk, with the
 * features chosen and typed as {@code check} chooses and types them ({@link io.driftwatch.cli.multivariate.Features}),
 * read into chunks ({@link io.driftwatch.cli.multivariate.ChunkFeatureReader}), judged
 * ({@link io.driftwatch.cli.multivariate.MultivariateChunks}) and rendered.
 */
@NullMarked
package io.driftwatch.cli.multivariate;

import org.jspecify.annotations.NullMarked;
