/**
 * Which drifted columns matter, in {@code check --rank}: NannyML's rankers ({@code io.driftwatch.stats.rank}) over the
 * chunks of the current file. Each column's drift statistic and alerts per chunk are read from the chunked check
 * ({@link io.driftwatch.cli.rank.ColumnSeries}), the performance it is correlated with from the realized or estimated
 * quality per chunk ({@link io.driftwatch.cli.rank.ChunkPerformance}); {@link io.driftwatch.cli.rank.ChunkRanking}
 * ranks, and the JSON, table and HTML reports render it. It informs and never changes the exit code.
 */
@NullMarked
package io.driftwatch.cli.rank;

import org.jspecify.annotations.NullMarked;
