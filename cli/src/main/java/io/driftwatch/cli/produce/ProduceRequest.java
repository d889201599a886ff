package io.driftwatch.cli.produce;

import io.driftwatch.topology.config.InputFormat;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * One {@code produce} run: which file goes to which topic, in which format, as inferences or labels.
 *
 * @param partitions    partitions of the topic if it has to be created; an existing topic keeps its own
 * @param labels        write {@code FeedbackLabel}s rather than {@code InferenceLog}s
 * @param ratePerSecond at most this many records a second, or null for as fast as the broker takes them
 */
public record ProduceRequest(Path file, String topic, int partitions, InputFormat format, boolean labels,
                             ProduceColumns columns, @Nullable Double ratePerSecond) {
    public ProduceRequest {
        requireNonNull(file, "file");
        requireNonNull(topic, "topic");
        requireNonNull(format, "format");
        requireNonNull(columns, "columns");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (ratePerSecond != null && !(ratePerSecond > 0)) {
            throw new IllegalArgumentException("ratePerSecond must be positive, was " + ratePerSecond);
        }
    }
}
