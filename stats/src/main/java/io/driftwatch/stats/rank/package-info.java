/**
 * Which drifted features matter: NannyML's feature rankers (commit 11ef5c86, issue 25), over the same chunks or
 * windows of every feature. {@link AlertCountRanking} orders features by how many chunks they drifted in;
 * {@link CorrelationRanking} by how closely each feature's drift statistic follows the model's performance moving away
 * from the reference's. Both take a {@link FeatureSeries} per feature and give {@link RankedFeature}s, rank 1 first.
 * Plain Java, no Kafka: the batch {@code check} and the stream rank with the same code.
 */
@NullMarked
package io.driftwatch.stats.rank;

import org.jspecify.annotations.NullMarked;
