package io.driftwatch.service;

import io.driftwatch.broker.SharedKafkaBroker;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A retraining trigger is readable (read_committed) well within one commit interval of its window's close, through a
 * real broker under exactly-once with a 30-second commit interval. Without a commit requested at the close it could
 * not be: the window's partials cross a repartition topic that the merge stage reads only once committed, and the
 * trigger is written in the merge stage's own transaction, so two regular commits, 30 seconds apart, would lie between.
 */
class TriggerLatencyIntegrationTest {
    private static final String RUN = "trigger-latency";
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration GRACE = Duration.ofMinutes(5);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(30);
    private static final Duration WELL_WITHIN_AN_INTERVAL = Duration.ofSeconds(10);
    private static final Instant SHIFTED_WINDOW = Instant.parse("2026-11-20T10:10:00Z");
    private static final int PARTITIONS = 2;
    private static final int PER_WINDOW = 200;
    private static final List<String> OUTPUT_TOPICS = List.of(DriftwatchConfig.LABELS_TOPIC_CONFIG,
            DriftwatchConfig.PROFILES_TOPIC_CONFIG, DriftwatchConfig.BASELINES_TOPIC_CONFIG,
            DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG, DriftwatchConfig.QUALITY_REPORTS_TOPIC_CONFIG,
            DriftwatchConfig.TRIGGERS_TOPIC_CONFIG, DriftwatchConfig.ALERTS_TOPIC_CONFIG,
            DriftwatchConfig.DEAD_LETTER_TOPIC_CONFIG);
    private static final SharedKafkaBroker broker = SharedKafkaBroker.get();

    @TempDir
    Path directory;

    private static DriftwatchConfig config() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put(DriftwatchConfig.APPLICATION_ID_CONFIG, RUN);
        settings.put(DriftwatchConfig.TOPIC_PARTITIONS_CONFIG, Integer.toString(PARTITIONS));
        settings.put(DriftwatchConfig.INFERENCES_TOPIC_CONFIG, RUN + ".inferences");
        for (String output : OUTPUT_TOPICS) {
            settings.put(output, RUN + output.substring("driftwatch.topic".length()));
        }
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(WINDOW.toMillis()));
        settings.put(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, Long.toString(GRACE.toMillis()));
        settings.put(DriftwatchConfig.TRIGGER_CONSECUTIVE_WINDOWS_CONFIG, "1");
        settings.put(DriftwatchConfig.TRIGGER_COOLDOWN_MS_CONFIG, "0");
        return new DriftwatchConfig(settings);
    }

    private static ProducerRecord<byte[], byte[]> inference(String topic, int index, Instant eventTime, double amount) {
        InferenceLog log = InferenceLog.newBuilder().setRequestId("req-" + index).setModelName("fraud").setModelVersion("v1")
                .setEventTime(eventTime).setFeatures(Map.of("amount", amount)).setPrediction(0.5).build();
        return new ProducerRecord<>(topic, index % PARTITIONS, null, RecordEncoders.json(log));
    }

    /**
     * The window before the shift and the shifted one, their records within a few minutes of event time of each
     * other: no partition's event time passes a window, so nothing closes, and no commit is requested, before the
     * closing records.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // a failed send leaves a window short: no trigger, and the test fails
    private static void sendTwoWindows(KafkaProducer<byte[], byte[]> producer, String topic) throws ExecutionException, InterruptedException {
        Random random = new Random(11);
        for (int i = 0; i < PER_WINDOW; i++) {
            Instant before = SHIFTED_WINDOW.minusSeconds(60).plusMillis(i * 250L);
            producer.send(inference(topic, i, before, 40 + random.nextGaussian() * 5));
            Instant shifted = SHIFTED_WINDOW.plusMillis(i * 250L);
            producer.send(inference(topic, PER_WINDOW + i, shifted, 90 + random.nextGaussian() * 5));
        }
        producer.flush();
    }

    @Test
    void aTriggerIsReadableWellWithinOneCommitIntervalOfItsWindowsClose() throws Exception {
        DriftwatchConfig config = config();
        String inferences = Topics.INFERENCES.name(config);
        String triggers = config.topic(DriftwatchConfig.TRIGGERS_TOPIC_CONFIG);
        Map<String, Object> producerSettings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        Map<String, Object> consumerSettings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Deserializer<RetrainingTrigger> decoder = Topics.TRIGGERS.valueSerde().deserializer();
        try (DriftwatchService service = DriftwatchService.start(config, new SimpleMeterRegistry(), Map.of(
                StreamsConfig.STATE_DIR_CONFIG, directory.resolve("state").toString(),
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL.toMillis(),
                // Kafka Streams refuses a transaction timeout shorter than the commit interval.
                StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), (int) COMMIT_INTERVAL.multipliedBy(2).toMillis()));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings, new ByteArraySerializer(), new ByteArraySerializer());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerSettings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == KafkaStreams.State.RUNNING);
            List<TopicPartition> triggerPartitions = consumer.partitionsFor(triggers).stream()
                    .map(info -> new TopicPartition(triggers, info.partition())).toList();
            consumer.assign(triggerPartitions);
            consumer.seekToBeginning(triggerPartitions);
            sendTwoWindows(producer, inferences);

            Instant closing = SHIFTED_WINDOW.plus(WINDOW).plus(GRACE);
            for (int partition = 0; partition < PARTITIONS; partition++) {
                producer.send(inference(inferences, 2 * PER_WINDOW + partition, closing, 90)).get();
            }
            long closedAtNanos = System.nanoTime();
            long deadlineNanos = closedAtNanos + COMMIT_INTERVAL.multipliedBy(3).toNanos();
            RetrainingTrigger trigger = null;
            long arrivedAtNanos = 0;
            while (trigger == null && System.nanoTime() < deadlineNanos) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    trigger = decoder.deserialize(triggers, record.value());
                    arrivedAtNanos = System.nanoTime();
                }
            }
            assertThat(trigger).as("a trigger committed within three commit intervals").isNotNull();
            assertThat(trigger.getWindows().get(trigger.getWindows().size() - 1).getStart()).isEqualTo(SHIFTED_WINDOW);
            assertThat(Duration.ofNanos(arrivedAtNanos - closedAtNanos)).as("from the window's close to its trigger readable")
                    .isLessThan(WELL_WITHIN_AN_INTERVAL);
        }
    }
}
