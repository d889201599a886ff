package io.driftwatch.alerts.policy;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

/**
 * Sent alert ids in a Kafka topic: key the alert id, value the time it was mailed (ISO-8601, for a person
 * reading the topic), record timestamp the same time. {@link #open} reads the topic back, so a restarted
 * process knows what it already mailed; {@link #recordSent} waits until the broker acknowledged every id
 * ({@code acks=all}, idempotent). An id is remembered for the retention only ({@link ExpiringIds}), and the
 * topic is meant to be compacted and deleted after the same retention, so memory and topic hold the alerts
 * of one retention period, about 100 bytes an id in memory. Not thread-safe: owned by the consumer loop.
 */
public final class KafkaSentAlerts implements SentAlerts, AutoCloseable {
    private final String topic;
    private final KafkaProducer<String, String> producer;
    private final ExpiringIds sent;
    private volatile int remembered;
    private final Duration timeout;
    private final Clock clock;

    private final KafkaConsumer<String, String> reader;

    private KafkaSentAlerts(String topic, KafkaProducer<String, String> producer, KafkaConsumer<String, String> reader,
                            Duration retention, Duration timeout, Clock clock) {
        this.topic = topic;
        this.producer = producer;
        this.reader = reader;
        this.sent = new ExpiringIds(retention);
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * Reads the ids on {@code topic} (which must exist) mailed within {@code retention}, and opens a producer
     * for new ones.
     *
     * @param kafkaSettings Kafka client settings (bootstrap servers, security)
     * @param retention     how long an id is remembered: an alert re-read later than that is mailed again
     * @throws SentAlertsException when the topic cannot be read within {@code timeout}
     */
    public static KafkaSentAlerts open(Map<String, Object> kafkaSettings, String topic, Duration retention, Duration timeout,
                                       Clock clock) {
        requireNonNull(topic, "topic");
        Map<String, Object> consumerSettings = new HashMap<>(kafkaSettings);
        consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerSettings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        KafkaConsumer<String, String> reader = new KafkaConsumer<>(consumerSettings, new StringDeserializer(), new StringDeserializer());
        Map<String, Object> producerSettings = new HashMap<>(kafkaSettings);
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerSettings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 1_000));
        producerSettings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 1_000));
        producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new StringSerializer());
        KafkaSentAlerts store = new KafkaSentAlerts(topic, producer, reader, retention, timeout, clock);
        try {
            List<TopicPartition> partitions = reader.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new SentAlertsException("the sent-alerts topic " + topic + " does not exist; it is created at start-up", null);
            }
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            store.refresh();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /**
     * Reads the ids other instances recorded since the last read, up to the topic's current end; called when
     * this process takes over partitions of the alerts topic.
     *
     * @throws SentAlertsException when the topic cannot be read within the timeout
     */
    public void refresh() {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Map<TopicPartition, Long> end = reader.endOffsets(reader.assignment(), timeout);
            while (!reachedEnd(reader, end)) {
                if (System.nanoTime() > deadline) {
                    throw new SentAlertsException("reading the sent-alerts topic " + topic + " took longer than " + timeout, null);
                }
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.value() != null) {
                        sent.remember(record.key(), Instant.ofEpochMilli(record.timestamp()), clock.instant());
                    }
                }
            }
            sent.forgetExpired(clock.instant());
            remembered = sent.size();
        } catch (KafkaException e) {
            throw new SentAlertsException("cannot read the sent-alerts topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }

    @Override
    public boolean contains(String alertId) {
        return sent.contains(alertId);
    }

    @Override
    public void recordSent(Collection<String> alertIds) {
        Instant sentAt = clock.instant();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try {
            for (String alertId : alertIds) {
                acks.add(producer.send(new ProducerRecord<>(topic, null, sentAt.toEpochMilli(), alertId, sentAt.toString())));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            Throwable cause = requireNonNullElse(e.getCause(), e);
            throw new SentAlertsException("the broker did not take the sent ids on " + topic + ": " + cause.getMessage(), cause);
        } catch (TimeoutException | KafkaException e) {
            throw new SentAlertsException("recording sent ids on " + topic + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SentAlertsException("interrupted while recording sent ids on " + topic, e);
        }
        sent.forgetExpired(sentAt);
        alertIds.forEach(alertId -> sent.remember(alertId, sentAt, sentAt));
        remembered = sent.size();
    }

    /** Ids remembered as mailed within the retention; safe to read from any thread, such as a metrics scrape. */
    public int rememberedIds() {
        return remembered;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        reader.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
