package io.driftwatch.cli.run;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.service.DriftwatchService;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delayed labels through a real broker and the running service (exactly-once): a model right 95% of the
 * time whose accuracy drops to 50% from a known window on, labels arriving up to two hours of event time
 * after their predictions, in label-time order, as a live service reads them. Exactly one quality trigger is
 * committed, for the first window after the drop; the final quality reports show the drop.
 */
class QualityTriggerIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    // Larger than the labels' two hours plus the event-time span, so skew between upstream partitions cannot expire them.
    private static final Duration MAX_DELAY = Duration.ofHours(6);
    private static final int WINDOWS = 8;
    private static final int DROP_FROM_WINDOW = 4;
    private static final int PER_WINDOW = 150;
    private static final int MIN_LABELS = 50;
    // The labels up to where the first window after the drop has this many (label-time order) go first, and the rest
    // only once that window's trigger is committed: a service reading the whole backlog at once may read one input
    // partition's labels far ahead of the other's, and a later window reaching its labels first would trigger instead,
    // the cool-down holding back the first window's (seen under load: 11:00 instead of 10:40).
    private static final int FIRST_LABELS_OF_DROP_WINDOW = 60;
    private static final Deserializer<QualityReport> REPORTS =
            Topics.QUALITY_REPORTS.valueSerde().deserializer();
    // A broker of its own, not the module's shared one: which window's quality update reaches the trigger rule
    // first (and so which window the cool-down lets trigger) depends on timing, and once, after other classes on
    // the shared broker, window 6 triggered instead of window 4 (the labels now come in two phases, see below).
    @AutoClose
    private static final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();

    @TempDir
    Path directory;

    @SuppressWarnings("ArrayRecordComponent") // a record to send, never compared, hashed or printed
    private record Label(Instant time, int window, byte[] bytes) {
    }

    @SuppressWarnings("FutureReturnValueIgnored") // a send that fails shows as a record missing from the output asserted on
    private void produceTraffic(Random random) throws Exception {
        List<byte[]> predictions = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int window = 0; window < WINDOWS; window++) {
            double accuracy = window >= DROP_FROM_WINDOW ? 0.5 : 0.95;
            for (int i = 0; i < PER_WINDOW; i++) {
                String id = "req-" + window + "-" + i;
                Instant predictedAt = T0.plus(WINDOW.multipliedBy(window)).plusMillis(i * 3_000L);
                String predicted = random.nextBoolean() ? "churn" : "stay";
                predictions.add(RecordEncoders.json(InferenceLog.newBuilder().setRequestId(id).setModelName("churn")
                        .setModelVersion("v7").setEventTime(predictedAt).setFeatures(Map.of("tenure", 12.0))
                        .setPrediction(predicted).build()));
                String actual = random.nextDouble() < accuracy ? predicted : predicted.equals("churn") ? "stay" : "churn";
                Instant labelledAt = predictedAt.plusMillis((long) (random.nextDouble() * Duration.ofHours(2).toMillis()));
                labels.add(new Label(labelledAt, window, RecordEncoders.json(FeedbackLabel.newBuilder().setRequestId(id)
                        .setModelName("churn").setLabel(actual).setEventTime(labelledAt).build())));
            }
        }
        Instant closing = T0.plus(WINDOW.multipliedBy(WINDOWS)).plus(MAX_DELAY).plus(Duration.ofMinutes(5));
        List<byte[]> closers = new ArrayList<>();
        List<byte[]> closingLabels = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            closers.add(RecordEncoders.json(InferenceLog.newBuilder().setRequestId("closer-" + i).setModelName("churn")
                    .setModelVersion("v7").setEventTime(closing).setFeatures(Map.of("tenure", 12.0)).setPrediction("stay").build()));
            closingLabels.add(RecordEncoders.json(FeedbackLabel.newBuilder().setRequestId("closing-label-" + i)
                    .setModelName("churn").setLabel("stay").setEventTime(closing).build()));
        }
        labels.sort(Comparator.comparing(Label::time));
        int firstPhase = firstPhaseOf(labels);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] prediction : predictions) {
                producer.send(new ProducerRecord<>("inferences", prediction));
            }
            for (Label label : labels.subList(0, firstPhase)) {
                producer.send(new ProducerRecord<>("labels", label.bytes()));
            }
            producer.flush();
            CommittedTopic.values(broker.bootstrapServers(), "driftwatch.triggers", Topics.TRIGGERS.valueSerde().deserializer(),
                    triggers -> triggers.stream().anyMatch(trigger -> trigger.getRule().startsWith("quality")), Duration.ofSeconds(90));
            for (Label label : labels.subList(firstPhase, labels.size())) {
                producer.send(new ProducerRecord<>("labels", label.bytes()));
            }
            producer.flush();
        }
        // Only once every label is joined: a task reads its input partitions by Kafka timestamp, but one whose
        // labels are not fetched yet would read the closers first, and their event time would expire everything.
        CommittedTopic.values(broker.bootstrapServers(), "driftwatch.quality-reports", REPORTS, reports -> reports.stream()
                .filter(report -> report.getLabelled() == PER_WINDOW).map(QualityReport::getWindowStart).distinct().count() >= WINDOWS,
                Duration.ofSeconds(90));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            // Sixteen request ids reach every join partition: each partition's event time must pass the delay, on
            // both inputs, since a window is final once the predictions' and the labels' clocks have passed it.
            for (byte[] closer : closers) {
                producer.send(new ProducerRecord<>("inferences", closer)).get();
            }
            for (byte[] label : closingLabels) {
                producer.send(new ProducerRecord<>("labels", label)).get();
            }
        }
    }

    /**
     * How many of the labels, in label-time order, go before the first window after the drop has triggered: up to its
     * {@value #FIRST_LABELS_OF_DROP_WINDOW}th, by when no later window has the rule's minimum (checked here, so a
     * change of the traffic cannot make the wait pass on the wrong window).
     */
    private static int firstPhaseOf(List<Label> labels) {
        int[] labelledByWindow = new int[WINDOWS];
        int taken = 0;
        while (labelledByWindow[DROP_FROM_WINDOW] < FIRST_LABELS_OF_DROP_WINDOW) {
            labelledByWindow[labels.get(taken++).window()]++;
        }
        for (int later = DROP_FROM_WINDOW + 1; later < WINDOWS; later++) {
            assertThat(labelledByWindow[later]).as("labels of window " + later + " sent before window "
                    + DROP_FROM_WINDOW + " triggered").isLessThan(MIN_LABELS);
        }
        return taken;
    }

    @Test
    void anAccuracyDropAtAKnownTimeTriggersOnceForTheFirstWindowAfterIt() throws Exception {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put(DriftwatchConfig.APPLICATION_ID_CONFIG, "quality-trigger");
        settings.put(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, "2");
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(WINDOW.toMillis()));
        settings.put(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "60000");
        settings.put(DriftwatchConfig.TRIGGER_CONSECUTIVE_WINDOWS_CONFIG, "100");
        settings.put(DriftwatchConfig.LABELS_ENABLED_CONFIG, "true");
        settings.put(DriftwatchConfig.LABELS_MAX_DELAY_MS_CONFIG, Long.toString(MAX_DELAY.toMillis()));
        settings.put(DriftwatchConfig.QUALITY_UPDATE_INTERVAL_MS_CONFIG, "500");
        settings.put(DriftwatchConfig.TRIGGER_QUALITY_THRESHOLD_CONFIG, "0.75");
        settings.put(DriftwatchConfig.TRIGGER_QUALITY_MIN_LABELS_CONFIG, Integer.toString(MIN_LABELS));
        DriftwatchConfig config = new DriftwatchConfig(settings);
        List<QualityReport> finals;
        try (DriftwatchService service = DriftwatchService.start(config, new SimpleMeterRegistry(),
                Map.of("state.dir", directory.resolve("state").toString(), "commit.interval.ms", "200"))) {
            produceTraffic(new Random(17));
            finals = CommittedTopic.values(broker.bootstrapServers(), "driftwatch.quality-reports", REPORTS,
                            reports -> reports.stream().filter(QualityReport::getIsFinal).count() >= WINDOWS, Duration.ofMinutes(2))
                    .stream().filter(QualityReport::getIsFinal).sorted(Comparator.comparing(QualityReport::getWindowStart)).toList();
        }
        assertThat(finals).hasSize(WINDOWS);
        for (QualityReport report : finals) {
            int window = (int) Duration.between(T0, report.getWindowStart()).dividedBy(WINDOW);
            assertThat(report.getPredictions()).isEqualTo(PER_WINDOW);
            assertThat(report.getLabelled()).as("every label joined, window " + window).isEqualTo(PER_WINDOW);
            assertThat(report.getMetrics().get("accuracy")).as("window " + window)
                    .isBetween(window >= DROP_FROM_WINDOW ? 0.35 : 0.88, window >= DROP_FROM_WINDOW ? 0.65 : 1.0);
        }

        List<ConsumerRecord<String, RetrainingTrigger>> quality = CommittedTopic.records(broker.bootstrapServers(), "driftwatch.triggers",
                        Topics.TRIGGERS.valueSerde().deserializer(),
                        triggers -> false, Duration.ofSeconds(3))
                .stream().filter(record -> record.value().getRule().startsWith("quality")).toList();
        assertThat(quality).as("exactly one quality trigger committed").hasSize(1);
        RetrainingTrigger trigger = quality.get(0).value();
        assertThat(trigger.getRule()).isEqualTo("quality_threshold");
        assertThat(trigger.getModelVersion()).isEqualTo("v7");
        assertThat(trigger.getWindows().get(0).getStart()).isEqualTo(T0.plus(WINDOW.multipliedBy(DROP_FROM_WINDOW)));
        assertThat(quality.get(0).key()).as("the record key").isEqualTo(trigger.getTriggerId());
    }
}
