package io.driftwatch.topics;

import org.apache.kafka.common.serialization.Serde;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One topic as every driftwatch process sees it: the key that names it in the configuration, the serdes of its
 * keys and values (so a reader and a writer cannot disagree), and how driftwatch lays it out when it creates it.
 * {@link Topics} declares each one.
 *
 * @param configKey  the {@code driftwatch.topic.*} key holding the topic's name
 * @param keySerde   the record keys' serde
 * @param valueSerde the record values' serde
 * @param layout     how many partitions a created topic gets
 * @param settings   topic-level configs of a created topic, such as {@code cleanup.policy=compact}
 * @param configuredSettings topic-level configs a created topic takes from the configuration: the topic config's name
 *                   ({@code retention.ms}) to the {@code driftwatch.*} key holding its value
 * @param <K>        the record key type
 * @param <V>        the record value type
 */
public record Topic<K, V>(String configKey, Serde<K> keySerde, Serde<V> valueSerde, Layout layout, Map<String, String> settings,
                          Map<String, String> configuredSettings) {

    /** How many partitions driftwatch gives the topic when it creates it; an existing topic is left as it is. */
    public enum Layout {
        /** {@code driftwatch.topic.partitions}: the topics whose load grows with the traffic. */
        CONFIGURED_PARTITIONS,
        /** One partition: a total order readers rely on (triggers, alert events) or little traffic (baselines). */
        ONE_PARTITION
    }

    public Topic {
        requireNonNull(configKey, "configKey");
        requireNonNull(keySerde, "keySerde");
        requireNonNull(valueSerde, "valueSerde");
        requireNonNull(layout, "layout");
        settings = Map.copyOf(settings);
        configuredSettings = Map.copyOf(configuredSettings);
    }

    /** A topic whose created form takes nothing from the configuration but its name and layout. */
    public Topic(String configKey, Serde<K> keySerde, Serde<V> valueSerde, Layout layout, Map<String, String> settings) {
        this(configKey, keySerde, valueSerde, layout, settings, Map.of());
    }

    /** The topic's name in {@code config}. */
    public String name(TopicsConfig config) {
        return config.topic(configKey);
    }

    /** The topic as driftwatch creates it when it is missing. */
    public TopicSpec spec(TopicsConfig config) {
        return spec(config, name(config));
    }

    /** The topic under another name (a command's {@code --topic}), created with this topic's layout and settings. */
    public TopicSpec spec(TopicsConfig config, String name) {
        int partitions = layout == Layout.ONE_PARTITION ? 1 : config.topicPartitions();
        Optional<Short> replication = config.topicReplicationFactor();
        Map<String, String> configs = new HashMap<>(settings);
        configuredSettings.forEach((topicConfig, key) -> configs.put(topicConfig, String.valueOf(config.values().get(key))));
        return new TopicSpec(name, partitions, replication, configs);
    }
}
