package io.driftwatch.tools.demo;

import io.driftwatch.alerts.AlertsConfig;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.common.config.ConfigDef;

import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's own topic names: every topic the demo creates and uses is its default name under
 * {@link #PREFIX} ({@code driftwatch.triggers} becomes {@code driftwatch-demo.triggers}, {@code inferences}
 * {@code driftwatch-demo.inferences}), and its internal topics start with its application id. With the
 * default names, a user's own {@code driftwatch run} pointed at the demo's broker (left up by
 * {@code --keep-running}) read the demo's Avro inferences with its JSON settings and dead-lettered thousands of
 * them, and the demo's alerts process mailed the user's alerts. The names follow the configuration's keys, so a
 * topic added to {@link DriftwatchConfig} gets its demo name without a change here.
 */
final class DemoTopics {
    static final String PREFIX = "driftwatch-demo.";
    private static final String TOPIC_KEYS = "driftwatch.topic.";
    private static final String DEFAULT_PREFIX = "driftwatch.";

    static final String INFERENCES = name(DriftwatchConfig.INFERENCES_TOPIC_CONFIG);
    static final String LABELS = name(DriftwatchConfig.LABELS_TOPIC_CONFIG);

    private DemoTopics() {
    }

    /** Every topic-name setting of the service and the alerts process, with the demo's name for it. */
    static Map<String, String> settings() {
        Map<String, String> names = new TreeMap<>();
        for (ConfigDef.ConfigKey key : DriftwatchConfig.CONFIG_DEF.configKeys().values()) {
            if (key.name.startsWith(TOPIC_KEYS) && key.type == ConfigDef.Type.STRING) {
                names.put(key.name, name(key.name));
            }
        }
        names.put(AlertsConfig.SENT_TOPIC_CONFIG, name(AlertsConfig.SENT_TOPIC_CONFIG));
        return names;
    }

    /** The demo's name of the topic {@code topicConfig} sets. */
    static String name(String topicConfig) {
        Object defaultName = DriftwatchConfig.CONFIG_DEF.defaultValues().get(topicConfig);
        if (defaultName == null) {
            defaultName = AlertsConfig.CONFIG_DEF.defaultValues().get(topicConfig);
        }
        if (!(defaultName instanceof String name)) {
            throw new IllegalArgumentException(topicConfig + " is not a topic-name setting with a default");
        }
        return PREFIX + (name.startsWith(DEFAULT_PREFIX) ? name.substring(DEFAULT_PREFIX.length()) : name);
    }
}
