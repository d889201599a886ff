package io.driftwatch.topology.window;

/**
 * That an input partition has sent on every partial window starting at or before
 * {@code closedThroughStartMillis}: its event time passed their end plus grace, so anything it still
 * receives for them is late. The aggregation stage multicasts it to every partition of the merge stage
 * ({@link MergeInputPartitioner}), which then knows how far each input partition has got, whatever model
 * versions that partition happens to carry.
 */
public record PartitionWatermark(int sourcePartition, long closedThroughStartMillis) implements MergeInput {
}
