/**
 * Comparing a reference data set with a current one column by column: which tests run by default, the
 * thresholds that turn a statistic into a verdict, schema findings, and dataset drift. The batch
 * {@code check} command and the streaming window reports both go through here, so they agree.
 */
@NullMarked
package io.driftwatch.stats.compare;

import org.jspecify.annotations.NullMarked;
