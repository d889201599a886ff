/**
 * Delayed labels: joins each label to its prediction by request id, whichever arrives first, within the
 * maximum label delay, and turns the joined pairs into quality reports per model version and window of
 * prediction time, and quality triggers. The statistics are {@code io.driftwatch.stats.quality}'s; this
 * package only routes, keeps state and expires it by event time.
 */
@NullMarked
package io.driftwatch.topology.quality;

import org.jspecify.annotations.NullMarked;
