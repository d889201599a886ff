package io.driftwatch.alerts.policy;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Each model version's email route from the policies topic, followed while the alerts process runs: the whole topic
 * is read at start (so a restart mails by the policies already published, not by the defaults), then {@link #poll}
 * takes in what was published since, before each dispatch, so a new policy's recipients apply to the next email with
 * no restart. A policy the {@link PolicyRouting} refuses leaves its key's previous one in force; a tombstone withdraws
 * it. Routes are resolved once per model version while the accepted policies stay as they are. Reads with
 * {@code read_committed} and no consumer group (every alerts process reads every policy). Not thread-safe: owned by
 * the consumer loop, which closes it.
 */
public final class FollowedRoutes implements AlertRouting, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FollowedRoutes.class);
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(200);

    private final Consumer<String, String> consumer;
    private final PolicyRouting format;
    private final Map<String, String> accepted = new TreeMap<>();
    private final Map<String, Route> routesByModelKey = new HashMap<>();

    /** Reads {@code topic} from its beginning to its current end, waiting at most {@code timeout}. */
    FollowedRoutes(Consumer<String, String> consumer, String topic, PolicyRouting format, Duration timeout) {
        this.consumer = requireNonNull(consumer, "consumer");
        this.format = requireNonNull(format, "format");
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        Instant deadline = Instant.now().plus(timeout);
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.getOrDefault(partition, 0L))) {
            if (Instant.now().isAfter(deadline)) {
                log.warn("the policies topic {} was not read to its end within {}; models without their policy yet are mailed by"
                        + " the defaults until it is", topic, timeout);
                break;
            }
            take(CATCH_UP_POLL);
        }
    }

    /** Follows {@code topic} through a consumer of its own with {@code kafkaSettings}, the process's client settings. */
    public static FollowedRoutes open(Map<String, Object> kafkaSettings, String topic, PolicyRouting format, Duration timeout) {
        Map<String, Object> settings = new HashMap<>(kafkaSettings);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new FollowedRoutes(new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer()), topic, format,
                timeout);
    }

    /** Takes in the policies published since the last call, without waiting. */
    public void poll() {
        take(Duration.ZERO);
    }

    private void take(Duration wait) {
        for (ConsumerRecord<String, String> record : consumer.poll(wait)) {
            String key = record.key();
            if (key == null) {
                continue;
            }
            if (record.value() == null) {
                accepted.remove(key);
            } else if (format.accepts(key, record.value())) {
                accepted.put(key, record.value());
            } else {
                log.debug("policy {} at offset {} refused; its models keep their route", key, record.offset());
                continue;
            }
            routesByModelKey.clear();
        }
    }

    @Override
    public Route route(String model, String version) {
        return routesByModelKey.computeIfAbsent(model + '/' + version, key -> requireNonNull(
                format.route(model, version, Collections.unmodifiableMap(accepted)), "PolicyRouting.route answers every model version"));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
