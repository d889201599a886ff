package io.driftwatch.tools.chaos;

import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertFinding;
import io.driftwatch.schemas.record.AlertKind;
import io.driftwatch.schemas.record.AlertSeverity;
import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.TopicSpec;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.trigger.TriggerIds;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alert events as the topology writes them (the same Avro record and serde, each in a committed transaction, so
 * the alerts process reads them with read_committed as it reads the topology's), one model version per alert:
 * alerts of different versions never share an email, so each alert id must arrive in an email of its own.
 * Not thread-safe: one producing thread.
 */
final class AlertTraffic implements AutoCloseable {
    static final String MODEL = "chaos-model";
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final String topic;
    private final KafkaProducer<String, AlertEvent> producer;
    private final List<String> alertIds = new ArrayList<>();

    private AlertTraffic(String topic, KafkaProducer<String, AlertEvent> producer) {
        this.topic = topic;
        this.producer = producer;
    }

    /** Creates {@code topic} (one partition, as the alerts process would) and opens a transactional producer of alert events to it. */
    static AlertTraffic to(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(List.of(new TopicSpec(topic, 1, Optional.empty(), Map.of())));
        }
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "chaos-topology-" + topic);
        KafkaProducer<String, AlertEvent> producer = new KafkaProducer<>(settings, new StringSerializer(),
                Topics.ALERTS.valueSerde().serializer());
        producer.initTransactions();
        return new AlertTraffic(topic, producer);
    }

    /** Commits {@code count} alerts, each for a model version of its own, in one transaction. */
    @SuppressWarnings("FutureReturnValueIgnored") // commitTransaction throws when any send of the transaction failed
    void send(int count) {
        List<String> committing = new ArrayList<>();
        producer.beginTransaction();
        for (int i = 0; i < count; i++) {
            AlertEvent alert = alert(alertIds.size() + i);
            producer.send(new ProducerRecord<>(topic, alert.getModelName() + "/" + alert.getModelVersion(), alert));
            committing.add(alert.getAlertId());
        }
        producer.commitTransaction();
        alertIds.addAll(committing);
    }

    /** The ids of every alert committed so far. */
    List<String> alertIds() {
        return List.copyOf(alertIds);
    }

    private static AlertEvent alert(int number) {
        String version = "v" + number;
        Instant start = T0.plus(WINDOW.multipliedBy(number));
        AlertFinding finding = AlertFinding.newBuilder().setFeature("age").setTest("ks").setStatistic(0.41).setThreshold(0.1)
                .setEffect(4.1).setDetail("statistic >= threshold").build();
        return AlertEvent.newBuilder().setAlertId(TriggerIds.of("alert", MODEL, version, Long.toString(start.toEpochMilli())))
                .setModelName(MODEL).setModelVersion(version).setKind(AlertKind.DRIFT).setSeverity(AlertSeverity.WARNING)
                .setTitle(MODEL + " " + version + ": 1 drifted column").setWindowStart(start).setWindowEnd(start.plus(WINDOW))
                .setFindings(List.of(finding)).setComparison("BASELINE").build();
    }

    @Override
    public void close() {
        producer.close();
    }
}
