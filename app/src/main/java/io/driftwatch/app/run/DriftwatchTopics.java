package io.driftwatch.app.run;

import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.topic.TopicSpec;

import java.util.List;
import java.util.Map;

/**
 * The topics a driftwatch service writes or reads, with how they are created when missing. The baselines
 * topic is compacted (the latest baseline per model version is what counts); the others keep the broker's
 * retention. Input topics are created only if absent, with the configured partition count.
 */
public final class DriftwatchTopics {
    private DriftwatchTopics() {
    }

    public static List<TopicSpec> of(DriftwatchConfig config) {
        int partitions = config.topicPartitions();
        return List.of(
                spec(config, DriftwatchConfig.INFERENCES_TOPIC_CONFIG, partitions, Map.of()),
                spec(config, DriftwatchConfig.LABELS_TOPIC_CONFIG, partitions, Map.of()),
                spec(config, DriftwatchConfig.PROFILES_TOPIC_CONFIG, partitions, Map.of()),
                spec(config, DriftwatchConfig.BASELINES_TOPIC_CONFIG, 1, Map.of("cleanup.policy", "compact")),
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
