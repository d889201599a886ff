package io.driftwatch.tools.demo;

import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.topics.SingleObjectAvroSerde;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads back what driftwatch wrote, as its consumers would: drift reports, quality reports and triggers,
 * {@code read_committed} (the topology writes them in transactions), decoded with the topics' own serdes. Keeps
 * the latest drift report and the final quality report per window, and each trigger id once. Not thread-safe.
 */
final class OutputTopics implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String driftTopic;
    private final String qualityTopic;
    private final String triggerTopic;
    private final Deserializer<DriftReport> driftReports = new SingleObjectAvroSerde<DriftReport>(DriftReport.getClassSchema()).deserializer();
    private final Deserializer<QualityReport> qualityReports = new SingleObjectAvroSerde<QualityReport>(QualityReport.getClassSchema()).deserializer();
    private final Deserializer<RetrainingTrigger> triggers = new SingleObjectAvroSerde<RetrainingTrigger>(RetrainingTrigger.getClassSchema()).deserializer();
    private final Map<Instant, DriftReport> driftByWindow = new TreeMap<>();
    private final Map<Instant, QualityReport> qualityByWindow = new TreeMap<>();
    private final Map<String, RetrainingTrigger> triggersById = new LinkedHashMap<>();

    OutputTopics(DriftwatchConfig config) {
        driftTopic = config.topic(DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG);
        qualityTopic = config.topic(DriftwatchConfig.QUALITY_REPORTS_TOPIC_CONFIG);
        triggerTopic = config.topic(DriftwatchConfig.TRIGGERS_TOPIC_CONFIG);
        Map<String, Object> settings = new HashMap<>(config.kafkaSettings());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(driftTopic, qualityTopic, triggerTopic)) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what was committed since the last call (waiting at most a fifth of a second) and returns the whole picture. */
    DemoObservation poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            if (record.topic().equals(driftTopic)) {
                DriftReport report = driftReports.deserialize(driftTopic, record.value());
                if (report != null) {
                    driftByWindow.put(report.getWindowStart(), report);
                }
            } else if (record.topic().equals(qualityTopic)) {
                QualityReport report = qualityReports.deserialize(qualityTopic, record.value());
                if (report != null && (report.getIsFinal() || !qualityByWindow.containsKey(report.getWindowStart())
                        || !qualityByWindow.get(report.getWindowStart()).getIsFinal())) {
                    qualityByWindow.put(report.getWindowStart(), report);
                }
            } else {
                RetrainingTrigger trigger = triggers.deserialize(triggerTopic, record.value());
                if (trigger != null) {
                    triggersById.putIfAbsent(trigger.getTriggerId(), trigger);
                }
            }
        }
        return new DemoObservation(driftByWindow, qualityByWindow, List.copyOf(triggersById.values()));
    }

    String triggerTopic() {
        return triggerTopic;
    }

    String driftTopic() {
        return driftTopic;
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
