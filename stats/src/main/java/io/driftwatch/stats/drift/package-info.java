/**
 * The contract every drift test fulfils: a statistic, a p-value where the test has one, the method that
 * produced them, and for sketch-based results the error bound that the verdict must respect.
 */
@NullMarked
package io.driftwatch.stats.drift;

import org.jspecify.annotations.NullMarked;
