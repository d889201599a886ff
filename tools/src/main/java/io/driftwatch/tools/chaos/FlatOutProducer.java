package io.driftwatch.tools.chaos;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Inferences sent as fast as one producer can send them, for a set time: load that outruns the service. Each
 * record is a JSON inference of one model version, its event time {@link #spacingMillis} after the previous one,
 * so window after window fills and closes while the service reads; once the time is up, one closer record
 * per partition, past the last window's grace, closes the rest. The broker's acknowledgements are counted,
 * and its refusals too, so a scenario can tell records lost by the service from records never written.
 */
final class FlatOutProducer {
    private static final String MODEL = "load";
    private static final String VERSION = "v1";
    private static final String[] DEVICES = {"ios", "android", "web", "tv"};

    private final String bootstrapServers;
    private final String topic;
    private final Instant firstEventTime;
    private final int recordsPerWindow;
    private final long spacingMillis;

    /**
     * Load whose windows of {@code window} hold {@code recordsPerWindow} records each, from {@code firstEventTime} on,
     * which must be the start of a window (a multiple of {@code window} since the epoch).
     */
    FlatOutProducer(String bootstrapServers, String topic, Instant firstEventTime, Duration window, int recordsPerWindow) {
        if (window.toMillis() % recordsPerWindow != 0 || firstEventTime.toEpochMilli() % window.toMillis() != 0) {
            throw new IllegalArgumentException("window " + window + " must be a whole number of milliseconds per record ("
                    + recordsPerWindow + " records), and " + firstEventTime + " a window's start");
        }
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.firstEventTime = firstEventTime;
        this.recordsPerWindow = recordsPerWindow;
        this.spacingMillis = window.toMillis() / recordsPerWindow;
    }

    /** What was sent: records acknowledged (closers apart), sends refused, windows filled, and how long sending took. */
    record Sent(long records, long refused, int windows, Duration took) {
        double recordsPerSecond() {
            return records / (took.toNanos() / 1e9);
        }
    }

    /**
     * Sends for {@code duration}, then the closers, and waits for every acknowledgement.
     *
     * @param partitions the topic's partitions, each of which gets a closer
     */
    @SuppressWarnings("FutureReturnValueIgnored") // each send's outcome reaches its callback
    Sent sendFor(Duration duration, int partitions) {
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 65_536, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            for (; System.nanoTime() < end; sent++) {
                String id = "o" + sent;
                producer.send(new ProducerRecord<>(topic, id, inference(id, sent)), (metadata, failure) -> {
                    if (failure == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        refused.incrementAndGet();
                    }
                });
            }
            producer.flush();
            // Three windows on: past the last window's end and its grace (at most a window), in a window that stays open.
            long closer = (windows(sent) + 2L) * recordsPerWindow;
            for (int partition = 0; partition < partitions; partition++) {
                producer.send(new ProducerRecord<>(topic, partition, "closer-" + partition, inference("closer-" + partition, closer)),
                        (metadata, failure) -> {
                            if (failure != null) {
                                refused.incrementAndGet();
                            }
                        });
            }
        }
        return new Sent(acknowledged.get(), refused.get(), windows(sent), Duration.ofNanos(System.nanoTime() - start));
    }

    private int windows(long records) {
        return (int) ((records + recordsPerWindow - 1) / recordsPerWindow);
    }

    private String inference(String id, long index) {
        long eventTime = firstEventTime.toEpochMilli() + index * spacingMillis;
        return String.format(Locale.ROOT, "{\"requestId\":\"%s\",\"modelName\":\"%s\",\"modelVersion\":\"%s\",\"eventTime\":%d,"
                        + "\"prediction\":%.4f,\"features\":{\"age\":%d,\"income\":%.2f,\"device\":\"%s\"}}",
                id, MODEL, VERSION, eventTime, (index % 1000) / 1000.0, 18 + index % 60, 20_000 + (index * 7919) % 80_000 / 1.0,
                DEVICES[(int) (index % DEVICES.length)]);
    }
}
