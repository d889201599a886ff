/** The raw-value inputs of exact drift tests: sorted numeric samples and category counts. */
@NullMarked
package io.driftwatch.stats.sample;

import org.jspecify.annotations.NullMarked;
