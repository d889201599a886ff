package io.driftwatch.cli.policy;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.topics.Topics;
import io.driftwatch.topics.TopicsConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The policies on the policies topic as {@code run} and {@code alerts} see them: each key's latest record, read
 * {@code read_committed} to the topic's end, a removed key (tombstone) left out. What {@code policy list} and
 * {@code policy show --bootstrap-servers} read.
 */
final class PolicyTopic {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private PolicyTopic() {
    }

    /**
     * @return topic key to the policy's text, in key order
     * @throws BadInputException when the topic does not exist
     */
    static Map<String, String> read(TopicsConfig config) throws BadInputException {
        String topic = Topics.POLICIES.name(config);
        Map<String, String> latest = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings(config), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new BadInputException("topic " + topic + " does not exist on " + config.kafkaSettings().get("bootstrap.servers")
                        + "; publish a policy first (driftwatch policy publish FILE)");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.getOrDefault(partition, 0L))) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.key() == null) {
                        continue;
                    }
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), record.value());
                    }
                }
            }
        }
        return latest;
    }

    private static Map<String, Object> consumerSettings(TopicsConfig config) {
        Map<String, Object> settings = new HashMap<>(config.kafkaSettings());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return settings;
    }
}
