package io.driftwatch.topics;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;
import static org.apache.kafka.common.config.ConfigDef.Range.between;

/**
 * The settings every driftwatch process shares, read from the same properties file: the Kafka client settings
 * (every key not starting with {@code driftwatch.}), the name of each topic and how created topics are laid out.
 * The streaming service's configuration extends it with its own keys; the alerts process needs nothing more, so
 * it validates only these and does not fail on a setting of the engine it never uses.
 */
@SuppressWarnings("BadImport") // ConfigDef.Type is imported to write Type.LONG, as Kafka's own configs do
public class TopicsConfig extends AbstractConfig {
    private static final String PREFIX = "driftwatch.";

    public static final String INFERENCES_TOPIC_CONFIG = "driftwatch.topic.inferences";
    private static final String INFERENCES_TOPIC_DOC = "Topic the model servers write inference logs to.";
    public static final String LABELS_TOPIC_CONFIG = "driftwatch.topic.labels";
    private static final String LABELS_TOPIC_DOC = "Topic the true labels (feedback) arrive on.";
    public static final String PROFILES_TOPIC_CONFIG = "driftwatch.topic.profiles";
    private static final String PROFILES_TOPIC_DOC = "Topic of closed-window profiles, for re-analysis and backfill.";
    public static final String PROFILES_RETENTION_CONFIG = "driftwatch.topic.profiles.retention.ms";
    private static final String PROFILES_RETENTION_DOC = "retention.ms of the profiles topic when driftwatch creates it"
            + " (an existing topic is left as it is): how far back driftwatch analyze can merge windows. The default, 400"
            + " days, keeps this month and the same month last year; a 25-feature model with hourly windows costs about"
            + " 2.1 GiB a year per replica at the default sketch settings, 8 GiB at most (docs/analyze.md). -1 keeps the"
            + " profiles forever.";
    /** 400 days: a year back plus a month, so "this month against the same month last year" stays possible. */
    public static final long PROFILES_RETENTION_DEFAULT_MS = 400L * 24 * 60 * 60 * 1000;
    public static final String BASELINES_TOPIC_CONFIG = "driftwatch.topic.baselines";
    private static final String BASELINES_TOPIC_DOC = "Compacted topic of training baselines, one per model and version.";
    public static final String POLICIES_TOPIC_CONFIG = "driftwatch.topic.policies";
    private static final String POLICIES_TOPIC_DOC = "Compacted topic of monitoring policies, keyed MODEL/VERSIONS, each value a policy file's text; the streaming service applies a new one from the next window that closes.";
    public static final String DRIFT_REPORTS_TOPIC_CONFIG = "driftwatch.topic.drift.reports";
    private static final String DRIFT_REPORTS_TOPIC_DOC = "Topic of drift reports, one per model, version and closed window.";
    public static final String QUALITY_REPORTS_TOPIC_CONFIG = "driftwatch.topic.quality.reports";
    private static final String QUALITY_REPORTS_TOPIC_DOC = "Topic of model-quality reports from joined labels.";
    public static final String TRIGGERS_TOPIC_CONFIG = "driftwatch.topic.triggers";
    private static final String TRIGGERS_TOPIC_DOC = "Topic of retraining triggers that CI consumes (read it with isolation.level=read_committed).";
    public static final String ALERTS_TOPIC_CONFIG = "driftwatch.topic.alerts";
    private static final String ALERTS_TOPIC_DOC = "Topic of alert events that the alerts process mails.";
    public static final String DEAD_LETTER_TOPIC_CONFIG = "driftwatch.topic.dead.letter";
    private static final String DEAD_LETTER_TOPIC_DOC = "Topic of records that could not be read, with the reason.";

    public static final String TOPIC_PARTITIONS_CONFIG = "driftwatch.topic.partitions";
    private static final String TOPIC_PARTITIONS_DOC = "Partitions of the topics driftwatch creates (existing topics are left as they are).";
    public static final String TOPIC_REPLICATION_FACTOR_CONFIG = "driftwatch.topic.replication.factor";
    private static final String TOPIC_REPLICATION_FACTOR_DOC = "Replication factor of the topics driftwatch creates; -1 uses the broker's default.";

    /** The shared keys alone: what the alerts process validates. */
    public static final ConfigDef CONFIG_DEF = defineTopics(new ConfigDef());

    public TopicsConfig(Map<?, ?> originals) {
        this(CONFIG_DEF, originals);
    }

    /** For a process's own configuration: {@code definition} holds these keys and its own ({@link #defineTopics}). */
    protected TopicsConfig(ConfigDef definition, Map<?, ?> originals) {
        super(definition, stringKeys(originals), false);
        if (kafkaSettings().get("bootstrap.servers") == null) {
            throw new ConfigException("bootstrap.servers", null, "is required: the Kafka cluster to read from, e.g. localhost:9092");
        }
    }

    /** Adds the topic keys to {@code definition} and returns it. */
    public static ConfigDef defineTopics(ConfigDef definition) {
        return definition
                .define(INFERENCES_TOPIC_CONFIG, Type.STRING, "inferences", new ConfigDef.NonEmptyString(), Importance.HIGH, INFERENCES_TOPIC_DOC)
                .define(LABELS_TOPIC_CONFIG, Type.STRING, "labels", new ConfigDef.NonEmptyString(), Importance.HIGH, LABELS_TOPIC_DOC)
                .define(PROFILES_TOPIC_CONFIG, Type.STRING, "driftwatch.profiles", new ConfigDef.NonEmptyString(), Importance.MEDIUM, PROFILES_TOPIC_DOC)
                .define(PROFILES_RETENTION_CONFIG, Type.LONG, PROFILES_RETENTION_DEFAULT_MS, atLeast(-1), Importance.MEDIUM, PROFILES_RETENTION_DOC)
                .define(BASELINES_TOPIC_CONFIG, Type.STRING, "driftwatch.baselines", new ConfigDef.NonEmptyString(), Importance.MEDIUM, BASELINES_TOPIC_DOC)
                .define(POLICIES_TOPIC_CONFIG, Type.STRING, "driftwatch.policies", new ConfigDef.NonEmptyString(), Importance.MEDIUM, POLICIES_TOPIC_DOC)
                .define(DRIFT_REPORTS_TOPIC_CONFIG, Type.STRING, "driftwatch.drift-reports", new ConfigDef.NonEmptyString(), Importance.MEDIUM, DRIFT_REPORTS_TOPIC_DOC)
                .define(QUALITY_REPORTS_TOPIC_CONFIG, Type.STRING, "driftwatch.quality-reports", new ConfigDef.NonEmptyString(), Importance.MEDIUM, QUALITY_REPORTS_TOPIC_DOC)
                .define(TRIGGERS_TOPIC_CONFIG, Type.STRING, "driftwatch.triggers", new ConfigDef.NonEmptyString(), Importance.HIGH, TRIGGERS_TOPIC_DOC)
                .define(ALERTS_TOPIC_CONFIG, Type.STRING, "driftwatch.alerts", new ConfigDef.NonEmptyString(), Importance.MEDIUM, ALERTS_TOPIC_DOC)
                .define(DEAD_LETTER_TOPIC_CONFIG, Type.STRING, "driftwatch.dead-letter", new ConfigDef.NonEmptyString(), Importance.MEDIUM, DEAD_LETTER_TOPIC_DOC)
                .define(TOPIC_PARTITIONS_CONFIG, Type.INT, 3, atLeast(1), Importance.LOW, TOPIC_PARTITIONS_DOC)
                .define(TOPIC_REPLICATION_FACTOR_CONFIG, Type.SHORT, (short) -1, between(-1, Short.MAX_VALUE), Importance.LOW, TOPIC_REPLICATION_FACTOR_DOC);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> originals) {
        Map<String, Object> keys = new HashMap<>();
        originals.forEach((key, value) -> keys.put(String.valueOf(key), value));
        return keys;
    }

    /** The Kafka client settings: every key not starting with {@code driftwatch.}. */
    public Map<String, Object> kafkaSettings() {
        Map<String, Object> settings = new HashMap<>();
        originals().forEach((key, value) -> {
            if (!key.startsWith(PREFIX)) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    /** The name configured under {@code topicConfig}, one of the {@code *_TOPIC_CONFIG} keys. */
    public String topic(String topicConfig) {
        return getString(topicConfig);
    }

    public int topicPartitions() {
        return getInt(TOPIC_PARTITIONS_CONFIG);
    }

    /** Empty: the broker's default. */
    public Optional<Short> topicReplicationFactor() {
        short factor = getShort(TOPIC_REPLICATION_FACTOR_CONFIG);
        return factor < 0 ? Optional.empty() : Optional.of(factor);
    }

    /** The retention of a created profiles topic, {@code -1} for no limit, as Kafka's {@code retention.ms} reads it. */
    public long profilesRetentionMillis() {
        return getLong(PROFILES_RETENTION_CONFIG);
    }

    /** Loads a properties file's entries as a map, for the constructor. */
    public static Map<String, Object> fromProperties(Properties properties) {
        Map<String, Object> map = new HashMap<>();
        properties.forEach((key, value) -> map.put(String.valueOf(key), value));
        return map;
    }
}
