package io.driftwatch.topology.window;

/**
 * How far an input partition's event time has got: it has sent on every partial window that closes at or before
 * {@code eventTimeMillis}, so anything it still receives for them is late. The aggregation stage multicasts it to
 * every partition of the merge stage ({@link MergeInputPartitioner}), which then knows how far each input partition
 * has got, whatever model versions that partition happens to carry and however each cuts its windows.
 */
public record PartitionWatermark(int sourcePartition, long eventTimeMillis) implements MergeInput {
}
