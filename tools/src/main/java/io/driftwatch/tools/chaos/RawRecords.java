package io.driftwatch.tools.chaos;

import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Record values sent as a model server sends them, bytes as they are (malformed ones too), each onto the
 * partition the scenario chooses, so that every partition's event time advances and a dead letter can be
 * matched to the record it stands for by partition and offset. A send that fails fails the scenario: a record
 * lost on the way in would pass for one driftwatch lost.
 */
final class RawRecords implements AutoCloseable {
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final int partitions;

    /** Where one record landed. */
    record Position(int partition, long offset) {
    }

    private RawRecords(KafkaProducer<byte[], byte[]> producer, String topic, int partitions) {
        this.producer = producer;
        this.topic = topic;
        this.partitions = partitions;
    }

    /** Creates {@code topic} with {@code partitions} partitions, waits until it takes records, and opens a producer for it. */
    static RawRecords to(String bootstrapServers, String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            new TopicProvisioner(admin, TOPIC_TIMEOUT).ensure(List.of(new TopicSpec(topic, partitions, Optional.empty(), Map.of())));
        }
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 << 20);
        return new RawRecords(new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer()), topic, partitions);
    }

    /** Sends value {@code i} of {@code values} to partition {@code i % partitions}, and returns where each landed. */
    List<Position> sendAll(List<byte @Nullable []> values) throws InterruptedException, ExecutionException {
        List<Future<RecordMetadata>> sent = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            sent.add(send(i % partitions, values.get(i), (metadata, failure) -> { }));
        }
        List<Position> positions = new ArrayList<>(values.size());
        for (Future<RecordMetadata> future : sent) {
            RecordMetadata metadata = future.get();
            positions.add(new Position(metadata.partition(), metadata.offset()));
        }
        return positions;
    }

    /** Sends one value to {@code partition}, timestamped now; {@code done} hears how it went. */
    Future<RecordMetadata> send(int partition, byte @Nullable [] value, Callback done) {
        return producer.send(new ProducerRecord<>(topic, partition, System.currentTimeMillis(), null, value), done);
    }

    int partitions() {
        return partitions;
    }

    /** Waits until every record sent so far is acknowledged. */
    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
