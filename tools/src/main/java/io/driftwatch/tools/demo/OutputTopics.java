package io.driftwatch.tools.demo;

import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.EstimatedPerformance;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads back what driftwatch wrote, as its consumers would: drift reports, quality reports and triggers,
 * {@code read_committed} (the topology writes them in transactions), decoded with the topics' own serdes. Keeps,
 * per model, the latest drift report, the final quality report and the quality report that completed the estimated
 * performance per window, and each trigger id once. Not thread-safe.
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
    private final Map<String, Map<Instant, DriftReport>> driftByModel = new TreeMap<>();
    private final Map<String, Map<Instant, QualityReport>> qualityByModel = new TreeMap<>();
    private final Map<String, Map<Instant, QualityReport>> estimateCompletedByModel = new TreeMap<>();
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
    DemoObservations poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            if (record.topic().equals(driftTopic)) {
                DriftReport report = driftReports.deserialize(driftTopic, record.value());
                if (report != null) {
                    driftByModel.computeIfAbsent(report.getModelName(), model -> new TreeMap<>()).put(report.getWindowStart(), report);
                }
            } else if (record.topic().equals(qualityTopic)) {
                QualityReport report = qualityReports.deserialize(qualityTopic, record.value());
                if (report != null) {
                    keepFinal(qualityByModel.computeIfAbsent(report.getModelName(), model -> new TreeMap<>()), report);
                    EstimatedPerformance estimated = report.getEstimated();
                    if (estimated != null && estimated.getComplete()) {
                        estimateCompletedByModel.computeIfAbsent(report.getModelName(), model -> new TreeMap<>())
                                .putIfAbsent(report.getWindowStart(), report);
                    }
                }
            } else {
                RetrainingTrigger trigger = triggers.deserialize(triggerTopic, record.value());
                if (trigger != null) {
                    triggersById.putIfAbsent(trigger.getTriggerId(), trigger);
                }
            }
        }
        Map<String, DemoObservation> byModel = new TreeMap<>();
        Set<String> models = new TreeSet<>(driftByModel.keySet());
        models.addAll(qualityByModel.keySet());
        triggersById.values().forEach(trigger -> models.add(trigger.getModelName()));
        for (String model : models) {
            byModel.put(model, new DemoObservation(driftByModel.getOrDefault(model, Map.of()), qualityByModel.getOrDefault(model, Map.of()),
                    estimateCompletedByModel.getOrDefault(model, Map.of()), triggersById.values().stream().filter(trigger -> trigger.getModelName().equals(model)).toList()));
        }
        return new DemoObservations(byModel);
    }

    /** A window's final quality report stays; a provisional one replaces only another provisional one. */
    private static void keepFinal(Map<Instant, QualityReport> qualityByWindow, QualityReport report) {
        QualityReport kept = qualityByWindow.get(report.getWindowStart());
        if (report.getIsFinal() || kept == null || !kept.getIsFinal()) {
            qualityByWindow.put(report.getWindowStart(), report);
        }
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
