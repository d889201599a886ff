/**
 * Everything {@code driftwatch baseline} does after the training file is read: turning the plain
 * {@code TrainingBaseline} of the statistics module into the Avro {@code Baseline} record, writing it to
 * a file for a person or a program, and publishing it to the compacted baselines topic.
 */
@NullMarked
package io.driftwatch.cli.baseline;

import org.jspecify.annotations.NullMarked;
