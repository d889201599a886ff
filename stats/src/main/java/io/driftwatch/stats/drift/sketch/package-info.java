/**
 * Drift tests computed from two mergeable profiles instead of raw values, for the streaming path where a
 * window's values are never held. Every result is {@link io.driftwatch.stats.drift.Method#SKETCH} and
 * carries an {@link io.driftwatch.stats.drift.ErrorBound} that contains the exact statistic (the one the
 * raw-value test would report) at the stated confidence; a verdict whose threshold falls inside that
 * interval is inconclusive, never a coin toss.
 */
@NullMarked
package io.driftwatch.stats.drift.sketch;

import org.jspecify.annotations.NullMarked;
