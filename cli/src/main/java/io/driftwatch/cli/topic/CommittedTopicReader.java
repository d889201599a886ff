package io.driftwatch.cli.topic;

import io.driftwatch.cli.BadInputException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Reads one of driftwatch's topics as a person or a CI job asks for it: only committed records (the service writes its
 * outputs in transactions), from the beginning or from a consumer group's offsets, up to the end the topic had when
 * reading began, or on until stopped. Keys are strings, values raw bytes: the caller decodes them with its topic's serde.
 */
public final class CommittedTopicReader implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final List<TopicPartition> partitions;
    private final boolean grouped;
    private volatile boolean stopped;

    private CommittedTopicReader(KafkaConsumer<String, byte[]> consumer, String topic, List<TopicPartition> partitions,
                                 boolean grouped) {
        this.consumer = consumer;
        this.topic = topic;
        this.partitions = partitions;
        this.grouped = grouped;
    }

    /**
     * @param kafkaSettings the client settings (bootstrap servers, security) of the run's configuration
     * @param group         a consumer group to resume from and commit to; null reads from the beginning and commits nothing
     * @throws BadInputException when the topic does not exist
     */
    public static CommittedTopicReader open(Map<String, Object> kafkaSettings, String topic, @Nullable String group)
            throws BadInputException {
        Properties properties = new Properties();
        properties.putAll(kafkaSettings);
        Map<String, Object> fixed = new HashMap<>();
        fixed.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        fixed.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        fixed.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        if (group != null) {
            fixed.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        properties.putAll(fixed);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, METADATA_WAIT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new BadInputException("topic " + topic + " does not exist on " + kafkaSettings.get("bootstrap.servers")
                        + "; is driftwatch running, and is the topic right (--topic, or the topic settings of --config)?");
            }
            if (group != null) {
                consumer.subscribe(List.of(topic));
            } else {
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
            }
            return new CommittedTopicReader(consumer, topic, partitions, group != null);
        } catch (BadInputException | RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    public String topic() {
        return topic;
    }

    /**
     * Hands every record to {@code each}: up to the topic's end as it is now, or, with {@code follow}, until
     * {@link #stop()}. After each batch {@code afterBatch} runs (to flush output) and a group commits its offsets.
     */
    public void read(boolean follow, Consumer<ConsumerRecord<String, byte[]>> each, Runnable afterBatch) {
        Map<TopicPartition, Long> end = follow ? Map.of() : consumer.endOffsets(partitions);
        try {
            while (follow ? !stopped : !reachedEnd(end)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    each.accept(record);
                }
                afterBatch.run();
                if (grouped) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (!stopped) {
                throw e;
            }
            afterBatch.run();
        }
    }

    /**
     * Ends a {@link #read} in progress after the batch it is on, from another thread (a shutdown hook on Ctrl-C): the
     * records already handed on are flushed and a group's offsets stay at the last committed batch.
     */
    public void stop() {
        stopped = true;
        consumer.wakeup();
    }

    private boolean reachedEnd(Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < requireNonNull(end.get(partition), "endOffsets answers for each partition asked")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
