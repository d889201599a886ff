/**
 * A model owner's expectations per column, TFDV's schema and Great Expectations' column expectations in one
 * place: type, required or optional, an inclusive numeric range, the allowed values, the largest missing
 * share, each with its severity. They are about the current data alone, never relative to a reference, and
 * are checked on exact values ({@code check}, and windows whose profiles still hold their values) and on
 * sketches, with what a sketch cannot know said in the finding. The comparison
 * ({@code io.driftwatch.stats.compare.ComparisonSettings#expectations}) reports them beside the other schema
 * findings, so an expectation broken at severity error gates {@code check} and triggers the stream alike.
 */
@NullMarked
package io.driftwatch.stats.expect;

import org.jspecify.annotations.NullMarked;
