/**
 * Gauges that hold the value of the last window a report described, shared by the drift and quality meters.
 */
@NullMarked
package io.driftwatch.topology.gauge;

import org.jspecify.annotations.NullMarked;
