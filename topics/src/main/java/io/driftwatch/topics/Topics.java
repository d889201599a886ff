package io.driftwatch.topics;

import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.DeadLetter;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.WindowProfile;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;
import java.util.Map;

/**
 * Every topic driftwatch reads or writes, declared once: its name key, record types and serdes, partitions and
 * settings. The topologies, the commands, the mailer and the tools take their serdes from here, so a record is
 * written and read one way. The input topics carry bytes whose encoding {@code driftwatch.input.format} names;
 * everything driftwatch writes is Avro single-object encoding keyed by a string.
 */
public final class Topics {
    /**
     * The largest baseline record: the baselines topic's {@code max.message.bytes} and the publishing producer's
     * {@code max.request.size}. Below the broker's {@code socket.request.max.bytes} (100 MiB by default), so a
     * broker with default settings takes it once the topic allows it. A baseline keeps up to hundreds of thousands
     * of raw values per column.
     */
    public static final int BASELINE_MAX_BYTES = 64 << 20;

    public static final Topic<byte[], byte[]> INFERENCES = input(TopicsConfig.INFERENCES_TOPIC_CONFIG);
    public static final Topic<byte[], byte[]> LABELS = input(TopicsConfig.LABELS_TOPIC_CONFIG);
    /**
     * Kept for {@link TopicsConfig#PROFILES_RETENTION_CONFIG}, not the broker's default week: any span of windows it
     * still holds can be merged and compared again ({@code driftwatch analyze}).
     */
    public static final Topic<String, WindowProfile> PROFILES = new Topic<>(TopicsConfig.PROFILES_TOPIC_CONFIG,
            Serdes.String(), new SingleObjectAvroSerde<>(WindowProfile.getClassSchema()), Topic.Layout.CONFIGURED_PARTITIONS,
            Map.of(), Map.of(TopicConfig.RETENTION_MS_CONFIG, TopicsConfig.PROFILES_RETENTION_CONFIG));
    /** Compacted: the latest baseline per model version is what counts. */
    public static final Topic<String, Baseline> BASELINES = new Topic<>(TopicsConfig.BASELINES_TOPIC_CONFIG, Serdes.String(),
            new SingleObjectAvroSerde<>(Baseline.getClassSchema()), Topic.Layout.ONE_PARTITION, Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(BASELINE_MAX_BYTES)));
    /**
     * Compacted: the latest policy per key ({@code MODEL/VERSIONS}, as the publisher writes it) is what counts, and a
     * tombstone withdraws it. The value is the policy file's UTF-8 text exactly as published, comments included, so
     * a tool shows the owner's own file.
     */
    public static final Topic<String, String> POLICIES = new Topic<>(TopicsConfig.POLICIES_TOPIC_CONFIG, Serdes.String(),
            Serdes.String(), Topic.Layout.ONE_PARTITION, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    public static final Topic<String, DriftReport> DRIFT_REPORTS = output(TopicsConfig.DRIFT_REPORTS_TOPIC_CONFIG,
            DriftReport.getClassSchema(), Topic.Layout.CONFIGURED_PARTITIONS);
    public static final Topic<String, QualityReport> QUALITY_REPORTS = output(TopicsConfig.QUALITY_REPORTS_TOPIC_CONFIG,
            QualityReport.getClassSchema(), Topic.Layout.CONFIGURED_PARTITIONS);
    /** Keyed by trigger id, one partition: CI reads the triggers in the order they fired. */
    public static final Topic<String, RetrainingTrigger> TRIGGERS = output(TopicsConfig.TRIGGERS_TOPIC_CONFIG,
            RetrainingTrigger.getClassSchema(), Topic.Layout.ONE_PARTITION);
    public static final Topic<String, AlertEvent> ALERTS = output(TopicsConfig.ALERTS_TOPIC_CONFIG,
            AlertEvent.getClassSchema(), Topic.Layout.ONE_PARTITION);
    public static final Topic<String, DeadLetter> DEAD_LETTER = output(TopicsConfig.DEAD_LETTER_TOPIC_CONFIG,
            DeadLetter.getClassSchema(), Topic.Layout.CONFIGURED_PARTITIONS);

    /** Every topic, in the order the streaming service creates them. */
    public static final List<Topic<?, ?>> ALL = List.of(INFERENCES, LABELS, PROFILES, BASELINES, POLICIES, DRIFT_REPORTS,
            QUALITY_REPORTS, TRIGGERS, ALERTS, DEAD_LETTER);

    private Topics() {
    }

    /** How the streaming service creates every topic it uses that is missing. */
    public static List<TopicSpec> specs(TopicsConfig config) {
        return ALL.stream().map(topic -> topic.spec(config)).toList();
    }

    private static Topic<byte[], byte[]> input(String configKey) {
        return new Topic<>(configKey, Serdes.ByteArray(), Serdes.ByteArray(), Topic.Layout.CONFIGURED_PARTITIONS, Map.of());
    }

    private static <V extends SpecificRecord> Topic<String, V> output(String configKey, Schema schema, Topic.Layout layout) {
        Serde<V> values = new SingleObjectAvroSerde<>(schema);
        return new Topic<>(configKey, Serdes.String(), values, layout, Map.of());
    }
}
