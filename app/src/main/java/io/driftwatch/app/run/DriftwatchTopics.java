package io.driftwatch.app.run;

import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.topic.TopicSpec;
import org.apache.kafka.common.config.TopicConfig;

import java.util.List;
import java.util.Map;

/**
 * The topics a driftwatch service writes or reads, with how they are created when missing. The baselines
 * topic is compacted (the latest baseline per model version is what counts) and takes records of up to
 * {@link #BASELINE_MAX_BYTES}, since a baseline keeps up to hundreds of thousands of raw values per column;
 * the others keep the broker's defaults. Input topics are created only if absent, with the configured
 * partition count.
 */
public final class DriftwatchTopics {
    /**
     * The largest baseline record: the baselines topic's {@code max.message.bytes} and the publishing producer's
     * {@code max.request.size}. Below the broker's {@code socket.request.max.bytes} (100 MiB by default), so a
     * broker with default settings takes it once the topic allows it.
     */
    public static final int BASELINE_MAX_BYTES = 64 << 20;

    private DriftwatchTopics() {
    }

    /** The compacted baselines topic {@code name}, as every command that may create it creates it. */
    public static TopicSpec baselines(DriftwatchConfig config, String name) {
        return new TopicSpec(name, 1, config.topicReplicationFactor(), Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(BASELINE_MAX_BYTES)));
    }

    public static List<TopicSpec> of(DriftwatchConfig config) {
        int partitions = config.topicPartitions();
        return List.of(
                spec(config, DriftwatchConfig.INFERENCES_TOPIC_CONFIG, partitions, Map.of()),
                spec(config, DriftwatchConfig.LABELS_TOPIC_CONFIG, partitions, Map.of()),
                spec(config, DriftwatchConfig.PROFILES_TOPIC_CONFIG, partitions, Map.of()),
                baselines(config, config.topic(DriftwatchConfig.BASELINES_TOPIC_CONFIG)),
                spec(config, DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG, partitions, Map.of()),
                spec(config, DriftwatchConfig.QUALITY_REPORTS_TOPIC_CONFIG, partitions, Map.of()),
                spec(config, DriftwatchConfig.TRIGGERS_TOPIC_CONFIG, 1, Map.of()),
                spec(config, DriftwatchConfig.ALERTS_TOPIC_CONFIG, 1, Map.of()),
                spec(config, DriftwatchConfig.DEAD_LETTER_TOPIC_CONFIG, partitions, Map.of()));
    }

    private static TopicSpec spec(DriftwatchConfig config, String key, int partitions, Map<String, String> topicConfigs) {
        return new TopicSpec(config.topic(key), partitions, config.topicReplicationFactor(), topicConfigs);
    }
}
