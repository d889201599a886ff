package io.driftwatch.topics;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A topic driftwatch creates when it is missing: name, partitions, replication factor (empty for the
 * broker's default) and topic-level configs such as {@code cleanup.policy=compact}.
 */
public record TopicSpec(String name, int partitions, Optional<Short> replicationFactor, Map<String, String> configs) {
    public TopicSpec {
        requireNonNull(name, "name");
        requireNonNull(replicationFactor, "replicationFactor");
        configs = Map.copyOf(configs);
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition, got " + partitions);
        }
    }
}
