/**
 * {@code driftwatch produce}: turning the rows of a CSV or JSON Lines file into driftwatch's records
 * ({@code InferenceLog}, {@code FeedbackLabel}) and writing them to a topic in one of the three input
 * formats, so data can be replayed into driftwatch by users, tests and the demo.
 */
@NullMarked
package io.driftwatch.cli.produce;

import org.jspecify.annotations.NullMarked;
