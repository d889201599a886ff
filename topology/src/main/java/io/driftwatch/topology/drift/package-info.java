/** Evaluating closed windows: drift reports against the baseline or the previous window, and their triggers. */
@NullMarked
package io.driftwatch.topology.drift;

import org.jspecify.annotations.NullMarked;
