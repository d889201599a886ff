/**
 * Exact arithmetic on doubles, shared by the profiles (moments) and the quality tallies (log loss, error sums):
 * sums that do not depend on the order values were added or merged in, so a stream split across tasks and a file
 * read in row order give the same bits.
 */
@NullMarked
package io.driftwatch.stats.arithmetic;

import org.jspecify.annotations.NullMarked;
