package io.driftwatch.cli.run;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A service's output topic as its consumers see it (read_committed, from the beginning), read until what
 * has arrived is what a test waits for, or its time is up: the test then asserts on what did arrive. A
 * topic the service has not created yet is waited for within the same time.
 */
final class CommittedTopic {
    private CommittedTopic() {
    }

    /** The decoded values of {@code topic}'s committed records, once {@code done} holds for them or {@code timeout} passed. */
    static <T> List<T> values(String bootstrapServers, String topic, Deserializer<T> values, Predicate<List<T>> done, Duration timeout) {
        return records(bootstrapServers, topic, values, done, timeout).stream().map(ConsumerRecord::value).toList();
    }

    /** As {@link #values}, with each record's key and position. */
    static <T> List<ConsumerRecord<String, T>> records(String bootstrapServers, String topic, Deserializer<T> values,
                                                       Predicate<List<T>> done, Duration timeout) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        List<T> read = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = partitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!done.test(read) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    read.add(record.value());
                }
            }
        }
        return records;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic, long deadline) {
        List<PartitionInfo> found = await("topic " + topic + " created").atMost(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).pollInSameThread()
                .until(() -> consumer.partitionsFor(topic), infos -> !infos.isEmpty());
        return found.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }
}
