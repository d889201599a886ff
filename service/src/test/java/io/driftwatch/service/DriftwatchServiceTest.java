package io.driftwatch.service;

import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DriftwatchServiceTest {
    private static final String PRODUCER_MAX_BLOCK = StreamsConfig.producerPrefix(ProducerConfig.MAX_BLOCK_MS_CONFIG);

    @Test
    void theStreamThreadsProducerWaitsOutABrokerOutageOfMinutesNotTheClientDefaultOfOne() {
        StreamsConfig streams = new StreamsConfig(DriftwatchService.streamsProperties(
                new DriftwatchConfig(Map.of("bootstrap.servers", "127.0.0.1:9092")), Map.of()));

        long maxBlockMillis = Long.parseLong(streams.getProducerConfigs("client").get(ProducerConfig.MAX_BLOCK_MS_CONFIG).toString());
        assertThat(Duration.ofMillis(maxBlockMillis)).isEqualTo(Duration.ofMinutes(4));
        Map<String, Object> consumer = new HashMap<>(streams.getMainConsumerConfigs("group", "client", 0));
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        int maxPollIntervalMillis = new ConsumerConfig(consumer).getInt(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        assertThat(maxBlockMillis).as("Kafka Streams asks max.block.ms < max.poll.interval.ms").isLessThan(maxPollIntervalMillis);
    }

    @Test
    void aUsersMaxBlockSettingWinsWhetherPrefixedOrNot() {
        Map<String, Object> plain = DriftwatchService.streamsProperties(new DriftwatchConfig(Map.of("bootstrap.servers", "127.0.0.1:9092",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000")), Map.of());
        Map<String, Object> prefixed = DriftwatchService.streamsProperties(new DriftwatchConfig(Map.of("bootstrap.servers", "127.0.0.1:9092",
                PRODUCER_MAX_BLOCK, "7000")), Map.of());

        assertThat(new StreamsConfig(plain).getProducerConfigs("client").get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).hasToString("5000");
        assertThat(new StreamsConfig(prefixed).getProducerConfigs("client").get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).hasToString("7000");
    }
}
