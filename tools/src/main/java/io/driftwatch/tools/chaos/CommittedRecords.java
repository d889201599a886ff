package io.driftwatch.tools.chaos;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * What a consumer downstream of driftwatch sees (read_committed, as CI reading triggers does), and how far a
 * consumer group has come: the two things every scenario checks against.
 */
final class CommittedRecords {
    private CommittedRecords() {
    }

    /** Every committed record of {@code topic}, from the beginning to its end at the time of the call. */
    static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < requireNonNull(end.get(p), "endOffsets answers for each partition asked"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Decodes every committed record of {@code topic} with {@code decode}. */
    static <T> List<T> readAll(String bootstrapServers, String topic, Function<byte[], T> decode) {
        return readAll(bootstrapServers, topic).stream().map(record -> decode.apply(record.value())).toList();
    }

    /**
     * How many records of {@code topic} the consumer group {@code groupId} has yet to commit, summed over
     * partitions; a partition it never committed counts whole.
     */
    static long lag(Admin admin, String groupId, String topic) throws ExecutionException, InterruptedException {
        TopicDescription described = requireNonNull(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic),
                "describeTopics answers for each topic asked");
        List<TopicPartition> partitions = described.partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long end = requireNonNull(ends.get(partition), "listOffsets answers for each partition asked");
            lag += Math.max(0, end - (offset == null ? 0 : offset.offset()));
        }
        return lag;
    }
}
