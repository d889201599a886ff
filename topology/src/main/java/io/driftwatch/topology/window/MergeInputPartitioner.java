package io.driftwatch.topology.window;

import org.apache.kafka.streams.processor.StreamPartitioner;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Routes partial windows by their model-version key, as any record would go, and multicasts watermarks to
 * every partition: each merge task must know how far every input partition has got.
 */
final class MergeInputPartitioner implements StreamPartitioner<String, MergeInput> {
    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, MergeInput value, int numPartitions) {
        if (value instanceof PartitionWatermark) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
        }
        return Optional.empty();
    }
}
