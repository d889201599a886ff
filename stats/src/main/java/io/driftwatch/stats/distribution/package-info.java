/**
 * Null distributions that commons-math3 lacks, ported from the algorithms SciPy uses so that driftwatch's
 * p-values agree with SciPy's: the exact and limiting Kolmogorov-Smirnov distributions, the limiting
 * Cramer-von Mises distribution and the modified Bessel function it needs. Every class is a stateless set of
 * pure functions and is thread-safe.
 */
@NullMarked
package io.driftwatch.stats.distribution;

import org.jspecify.annotations.NullMarked;
