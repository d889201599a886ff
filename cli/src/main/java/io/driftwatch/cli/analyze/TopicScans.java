package io.driftwatch.cli.analyze;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.topic.CommittedTopicReader;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.WindowProfile;
import io.driftwatch.topics.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The two topics {@code analyze} reads, each once from the beginning to its end, committed records only: the
 * profiles topic into a {@link ProfilesScan}, and the baselines topic for the latest baseline of one model version
 * (a tombstone withdraws it, as compaction would).
 */
public final class TopicScans {
    private TopicScans() {
    }

    /** @throws BadInputException when the topic does not exist */
    public static void profiles(Map<String, Object> kafkaSettings, String topic, ProfilesScan scan) throws BadInputException {
        Deserializer<WindowProfile> values = Topics.PROFILES.valueSerde().deserializer();
        try (CommittedTopicReader reader = CommittedTopicReader.open(kafkaSettings, topic, null)) {
            reader.read(false, record -> {
                WindowProfile window = record.value() == null ? null : values.deserialize(topic, record.value());
                if (window != null) {
                    scan.accept(window);
                }
            }, () -> { });
        }
    }

    /**
     * @param key the baselines topic's key of the model version ({@code MODEL/VERSION})
     * @throws BadInputException when the topic does not exist
     */
    public static Optional<Baseline> latestBaseline(Map<String, Object> kafkaSettings, String topic, String key)
            throws BadInputException {
        Deserializer<Baseline> values = Topics.BASELINES.valueSerde().deserializer();
        AtomicReference<@Nullable Baseline> latest = new AtomicReference<>();
        try (CommittedTopicReader reader = CommittedTopicReader.open(kafkaSettings, topic, null)) {
            reader.read(false, record -> {
                if (key.equals(record.key())) {
                    latest.set(decoded(values, topic, record.value()));
                }
            }, () -> { });
        }
        return Optional.ofNullable(latest.get());
    }

    private static @Nullable Baseline decoded(Deserializer<Baseline> values, String topic, byte @Nullable [] bytes) {
        return bytes == null ? null : values.deserialize(topic, bytes);
    }
}
