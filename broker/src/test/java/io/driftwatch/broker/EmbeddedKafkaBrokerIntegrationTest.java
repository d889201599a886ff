package io.driftwatch.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedKafkaBrokerIntegrationTest {

    @SuppressWarnings("FutureReturnValueIgnored") // commitTransaction throws when a send failed; the aborted one is meant to vanish
    @Test
    void committedTransactionsAreVisibleToReadCommittedConsumersAndAbortedOnesAreNot() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
            Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-test");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("t", "k", "committed"));
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("t", "k", "aborted"));
                producer.abortTransaction();
            }
            Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
                TopicPartition partition = new TopicPartition("t", 0);
                consumer.assign(Set.of(partition));
                consumer.seekToBeginning(Set.of(partition));
                List<String> values = new ArrayList<>();
                long deadline = System.currentTimeMillis() + 10_000;
                while (consumer.position(partition) < consumer.endOffsets(Set.of(partition)).get(partition)
                        && System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        values.add(record.value());
                    }
                }
                assertThat(values).containsExactly("committed");
            }
        }
    }

    @Test
    void aRestartedBrokerServesTheSameAddressWithItsTopicsOffsetsAndGroupOffsetsKept() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            String address = broker.bootstrapServers();
            admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
            TopicPartition partition = new TopicPartition("kept", 0);
            Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, address);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "k", "before")).get();
            }
            admin.alterConsumerGroupOffsets("g", Map.of(partition, new OffsetAndMetadata(1))).all().get();

            broker.stop();
            assertThat(broker.running()).isFalse();
            broker.restart();

            assertThat(broker.running()).isTrue();
            assertThat(broker.bootstrapServers()).isEqualTo(address);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
                assertThat(producer.send(new ProducerRecord<>("kept", "k", "after")).get().offset()).as("offset after the restart").isEqualTo(1);
            }
            assertThat(admin.listConsumerGroupOffsets("g").partitionsToOffsetAndMetadata().get().get(partition).offset())
                    .as("the group's committed offset, read by the admin client connected before the restart").isEqualTo(1);
        }
    }

    @Test
    void restartingARunningBrokerIsRefusedWithWhatToDo() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            assertThatThrownBy(broker::restart).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(broker.bootstrapServers()).hasMessageContaining("stop() it first");
        }
    }
}
