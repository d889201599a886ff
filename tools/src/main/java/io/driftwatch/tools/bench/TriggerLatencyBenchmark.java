package io.driftwatch.tools.bench;

import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.service.DriftwatchService;
import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.TopicSpec;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.config.InputFormat;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Measures how soon a retraining trigger can be read after its window closes, live: records are produced
 * at a steady rate with event time = now, their distribution flips every window (so every window drifts from
 * the one before and, with one consecutive window and no cool-down, triggers), and a read_committed
 * consumer notes when each trigger arrives. A window closes, in stream time, once every input partition has
 * a record past its end (grace is zero here); its latency runs from the send of the last such record.
 * Under exactly-once a trigger is readable once its transaction commits, and the partials it is merged from are read
 * only once theirs did; both stages request a commit when a window closes, so neither waits out the commit interval.
 */
final class TriggerLatencyBenchmark {
    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final int partitions;
    private final int windows;
    private final int recordsPerSecond;
    private final Consumer<String> progress;

    TriggerLatencyBenchmark(String bootstrapServers, int partitions, int windows, int recordsPerSecond,
                            Consumer<String> progress) {
        this.bootstrapServers = requireNonNull(bootstrapServers, "bootstrapServers");
        if (partitions < 1 || windows < 3 || recordsPerSecond < 100) {
            throw new IllegalArgumentException("at least 1 partition, 3 windows and 100 records per second");
        }
        this.partitions = partitions;
        this.windows = windows;
        this.recordsPerSecond = recordsPerSecond;
        this.progress = requireNonNull(progress, "progress");
    }

    TriggerLatency run() throws InterruptedException {
        String run = "bench-latency-" + System.currentTimeMillis();
        String topic = run + ".inferences";
        Map<String, Object> settings = BenchRunSettings.of(run, bootstrapServers, InputFormat.AVRO_SINGLE, topic, partitions);
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(WINDOW.toMillis()));
        settings.put(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, "0");
        settings.put(DriftwatchConfig.TRIGGER_CONSECUTIVE_WINDOWS_CONFIG, "1");
        settings.put(DriftwatchConfig.TRIGGER_COOLDOWN_MS_CONFIG, "0");
        DriftwatchConfig config = new DriftwatchConfig(settings);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            new TopicProvisioner(admin, TIMEOUT).ensure(List.of(new TopicSpec(topic, partitions, Optional.empty(), Map.of())));
        }
        Path state = BenchLifecycle.stateDirectory(run);
        Map<Long, Long> triggerArrivals = new ConcurrentHashMap<>();
        AtomicReference<RuntimeException> readerFailure = new AtomicReference<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        try (DriftwatchService service = DriftwatchService.start(config, new SimpleMeterRegistry(),
                Map.of(StreamsConfig.STATE_DIR_CONFIG, state.toString()))) {
            BenchLifecycle.awaitRunning(service, TIMEOUT);
            Thread reader = new Thread(() -> readTriggers(config.topic(DriftwatchConfig.TRIGGERS_TOPIC_CONFIG), triggerArrivals,
                    readerFailure, reading), "bench-latency-trigger-reader");
            reader.setDaemon(true);
            reader.start();
            progress.accept("  latency: producing " + recordsPerSecond + " records/s for " + (windows + 1) + " windows of " + WINDOW.toSeconds() + " s");
            Map<Long, Long> closedAt = produceLive(topic);
            long firstMeasured = closedAt.keySet().stream().sorted().skip(1).findFirst().orElseThrow();
            List<Long> expectedStarts = closedAt.keySet().stream().filter(start -> start >= firstMeasured).sorted().toList();
            long deadline = System.currentTimeMillis() + TIMEOUT.toMillis();
            while (!triggerArrivals.keySet().containsAll(expectedStarts) && System.currentTimeMillis() < deadline
                    && readerFailure.get() == null) {
                Thread.sleep(50);
            }
            reading.set(false);
            reader.join(TIMEOUT.toMillis());
            if (readerFailure.get() != null) {
                throw readerFailure.get();
            }
            List<Long> latencies = new ArrayList<>();
            for (long start : expectedStarts) {
                Long arrived = triggerArrivals.get(start);
                if (arrived != null) {
                    latencies.add(arrived - requireNonNull(closedAt.get(start), "the expected starts are keys of closedAt"));
                }
            }
            return new TriggerLatency(WINDOW.toMillis(), expectedStarts.size(), latencies);
        } finally {
            BenchLifecycle.deleteRecursively(state);
        }
    }

    /**
     * Sends records with event time = now at the set rate, round-robin over the partitions, for the set
     * number of windows plus one, and returns for each window start the wall time at which the window
     * closed: when the last partition got its first record at or past the window's end.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // each send's outcome reaches its callback
    private Map<Long, Long> produceLive(String topic) throws InterruptedException {
        Map<String, Object> producerSettings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0);
        long size = WINDOW.toMillis();
        long firstStart = (System.currentTimeMillis() / size + 1) * size;
        long end = firstStart + (windows + 1) * size;
        Map<Long, long[]> firstPastEnd = new HashMap<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SplittableRandom random = new SplittableRandom(7);
        long index = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new ByteArraySerializer())) {
            Thread.sleep(Math.max(0, firstStart - System.currentTimeMillis()));
            long nanosPerRecord = 1_000_000_000L / recordsPerSecond;
            long next = System.nanoTime();
            while (true) {
                long now = System.currentTimeMillis();
                if (now >= end) {
                    break;
                }
                long windowStart = now - Math.floorMod(now, size);
                int partition = (int) (index % partitions);
                InferenceLog log = record(index++, now, ((windowStart - firstStart) / size) % 2 == 1, random);
                producer.send(new ProducerRecord<>(topic, partition, log.getRequestId(),
                        BenchInferences.encode(log, InputFormat.AVRO_SINGLE, 1)), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
                long closing = windowStart - size;
                long[] closes = firstPastEnd.computeIfAbsent(closing, start -> new long[partitions]);
                if (closes[partition] == 0) {
                    closes[partition] = now;
                }
                next += nanosPerRecord;
                long sleep = next - System.nanoTime();
                if (sleep > 1_000_000) {
                    Thread.sleep(sleep / 1_000_000);
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("producing the latency benchmark's records failed: " + failure.get().getMessage(), failure.get());
        }
        Map<Long, Long> closedAt = new HashMap<>();
        firstPastEnd.forEach((start, closes) -> {
            if (start >= firstStart && Arrays.stream(closes).allMatch(time -> time > 0)) {
                closedAt.put(start, Arrays.stream(closes).max().orElseThrow());
            }
        });
        return closedAt;
    }

    private static InferenceLog record(long index, long eventTime, boolean shifted, SplittableRandom random) {
        InferenceLog log = BenchInferences.record(index);
        log.setEventTime(Instant.ofEpochMilli(eventTime));
        if (shifted) {
            Map<String, Object> features = new HashMap<>(log.getFeatures());
            features.replaceAll((name, value) -> value instanceof Double number ? number + 50 + random.nextDouble() : value);
            log.setFeatures(features);
        }
        return log;
    }

    private void readTriggers(String triggersTopic, Map<Long, Long> arrivals, AtomicReference<RuntimeException> failure,
                              AtomicBoolean reading) {
        Serde<RetrainingTrigger> serde = Topics.TRIGGERS.valueSerde();
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> assigned = consumer.partitionsFor(triggersTopic).stream()
                    .map(info -> new TopicPartition(triggersTopic, info.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            while (reading.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    long arrived = System.currentTimeMillis();
                    RetrainingTrigger trigger = serde.deserializer().deserialize(triggersTopic, record.value());
                    long start = trigger.getWindows().get(trigger.getWindows().size() - 1).getStart().toEpochMilli();
                    if (arrivals.putIfAbsent(start, arrived) != null) {
                        failure.compareAndSet(null, new IllegalStateException("two triggers for the window starting " + Instant.ofEpochMilli(start)));
                    }
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }


}
