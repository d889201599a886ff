package io.driftwatch.cli.produce;

import io.driftwatch.cli.BadInputException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends keyed record values to one topic, at most {@code ratePerSecond} of them a second, and checks every
 * send's outcome: a record counts as written only when its callback reports it acknowledged, and the first
 * failure is kept for the report. Not thread-safe (one sending thread; callbacks may run on the producer's).
 */
final class TopicWriter implements AutoCloseable {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final @Nullable Double ratePerSecond;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<@Nullable Exception> firstError = new AtomicReference<>();
    private long sent;
    private long bytes;
    private long startNanos;

    private TopicWriter(KafkaProducer<String, byte[]> producer, String topic, @Nullable Double ratePerSecond) {
        this.producer = producer;
        this.topic = topic;
        this.ratePerSecond = ratePerSecond;
    }

    /**
     * @throws BadInputException when the settings do not make a producer (an unknown value, a missing keystore)
     */
    static TopicWriter open(Map<String, Object> producerConfig, String topic, @Nullable Double ratePerSecond)
            throws BadInputException {
        try {
            return new TopicWriter(new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer()),
                    topic, ratePerSecond);
        } catch (KafkaException e) {
            // The constructor wraps what went wrong (a missing keystore, say) in "Failed to construct kafka producer".
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new BadInputException("cannot create a Kafka producer: " + describe(cause)
                    + "; check --bootstrap-servers and the settings in --config", e);
        }
    }

    /** Sends one record; the first call starts the clock. */
    @SuppressWarnings("FutureReturnValueIgnored") // each send's outcome reaches its callback
    void send(String key, byte[] value) throws InterruptedException {
        if (sent == 0) {
            startNanos = System.nanoTime();
        }
        pace();
        sent++;
        bytes += key.getBytes(StandardCharsets.UTF_8).length + value.length;
        try {
            producer.send(new ProducerRecord<>(topic, key, value), this::completed);
        } catch (KafkaException e) {
            completed(null, e);
        }
    }

    /**
     * Waits until every record sent so far is acknowledged or failed.
     *
     * @param records the records that should have been written, sent or not
     */
    ProduceOutcome finish(long records) {
        producer.flush();
        Duration elapsed = Duration.ofNanos(sent == 0 ? 0 : System.nanoTime() - startNanos);
        Exception error = firstError.get();
        return new ProduceOutcome(topic, records, acknowledged.get(), bytes, error == null ? null : describe(error), elapsed);
    }

    /** Whether a send has failed, so the caller can stop early instead of failing every remaining row. */
    boolean failing() {
        return firstError.get() != null;
    }

    private void completed(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
        if (exception == null) {
            acknowledged.incrementAndGet();
        } else {
            firstError.compareAndSet(null, exception);
        }
    }

    private void pace() throws InterruptedException {
        if (ratePerSecond == null) {
            return;
        }
        long dueNanos = startNanos + (long) (sent * 1e9 / ratePerSecond);
        long waitNanos = dueNanos - System.nanoTime();
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
