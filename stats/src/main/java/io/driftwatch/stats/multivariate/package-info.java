/**
 * Multivariate drift by PCA reconstruction error, as NannyML's {@code DataReconstructionDriftCalculator} defines it
 * (commit 11ef5c86, issue 25): a change in how features move together, such as a flipped correlation, that leaves
 * every marginal distribution, and so every per-feature test, unmoved. {@link ReconstructionFitter} turns reference
 * rows into a {@link ReconstructionFit} of plain numbers a baseline can store; a window or chunk accumulates its rows'
 * errors in a mergeable {@link ReconstructionErrors}; {@link ReconstructionThresholds} sets the alert band from the
 * reference's chunks. Plain Java, no Kafka.
 */
@NullMarked
package io.driftwatch.stats.multivariate;

import org.jspecify.annotations.NullMarked;
