package io.driftwatch.tools.bench;

import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.WindowProfile;
import io.driftwatch.service.DriftwatchService;
import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.TopicSpec;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.config.InputFormat;
import io.driftwatch.topology.ingest.DecoderFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

/**
 * Runs the stream benchmark on one broker: writes {@code records} generated inference logs to a fresh
 * topic, reads them back with a plain consumer that decodes every value, then runs the full driftwatch
 * topology with exactly-once on the same topic under a fresh application id, and times both. Each format
 * gets its own topics, so runs never see each other's records.
 *
 * <p>The driftwatch side is timed from RUNNING (after topic checks and the group join) until every input
 * offset has been committed, which under exactly-once means processed and its outputs committed in the same
 * transaction. Its work is checked, not assumed: no record may be dead-lettered, and the closed windows'
 * profiles must count records.
 */
final class StreamBenchmark {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int SCHEMA_ID = 1;
    private static final String STREAM_THREAD = "StreamThread";

    private final String bootstrapServers;
    private final int records;
    private final int partitions;
    private final List<Integer> threadCounts;
    private final Map<String, String> overrides;
    private final Consumer<String> progress;

    /** @param overrides driftwatch or Kafka Streams settings for the driftwatch side */
    StreamBenchmark(String bootstrapServers, int records, int partitions, List<Integer> threadCounts,
                    Map<String, String> overrides, Consumer<String> progress) {
        this.bootstrapServers = requireNonNull(bootstrapServers, "bootstrapServers");
        if (records < 1 || partitions < 1 || threadCounts.isEmpty() || threadCounts.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("records, partitions and thread counts must be at least 1");
        }
        this.records = records;
        this.partitions = partitions;
        this.threadCounts = List.copyOf(threadCounts);
        this.overrides = Map.copyOf(overrides);
        this.progress = requireNonNull(progress, "progress");
    }

    /**
     * One timing per thread count, all on the same topic against the same plain-consumer figures.
     *
     * @param hotMethods where to put the stream threads' profile (of the first thread count), when one is wanted
     */
    List<StreamTiming> run(InputFormat format, Optional<List<String>> hotMethods) throws InterruptedException {
        String topic = "bench-stream-" + format.label() + "-" + System.currentTimeMillis() + ".inferences";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(List.of(
                    new TopicSpec(topic, partitions, Optional.empty(), Map.of())));
        }
        progress.accept("  " + format.label() + ": writing " + records + " records to " + topic);
        long bytes = produce(topic, format);
        progress.accept("  " + format.label() + ": plain consumer");
        double[] plain = plainConsumer(topic, format);
        progress.accept("  " + format.label() + ": bare exactly-once topology (read and decode only), 1 stream thread");
        double[] bare = bareStreams("bench-floor-" + format.label() + "-" + System.currentTimeMillis(), topic, format);
        List<StreamTiming> timings = new ArrayList<>();
        for (int threads : threadCounts) {
            progress.accept("  " + format.label() + ": driftwatch, " + threads + " stream thread" + (threads == 1 ? "" : "s")
                    + (threads == 1 ? "" : ", and " + threads + " plain consumers side by side first"));
            String run = "bench-stream-" + format.label() + "-" + threads + "t-" + System.currentTimeMillis();
            double plainAtThreads = threads == 1 ? plain[0] : plainConsumers(topic, format, threads);
            timings.add(driftwatch(run, topic, format, threads, bytes, plain, plainAtThreads, bare,
                    timings.isEmpty() ? hotMethods : Optional.empty()));
        }
        return timings;
    }

    @SuppressWarnings("FutureReturnValueIgnored") // each send's outcome reaches its callback
    private long produce(String topic, InputFormat format) throws InterruptedException {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records && failure.get() == null; i++) {
                InferenceLog log = BenchInferences.record(i);
                byte[] payload = BenchInferences.encode(log, format, SCHEMA_ID);
                bytes += payload.length;
                producer.send(new ProducerRecord<>(topic, log.getRequestId(), payload), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("writing the benchmark records failed: " + failure.get().getMessage(), failure.get());
        }
        return bytes;
    }

    /**
     * Records per second, and CPU nanoseconds per record, of a consumer that reads the whole topic
     * (read_committed, as driftwatch) and decodes every value.
     */
    private double[] plainConsumer(String topic, InputFormat format) {
        List<TopicPartition> assigned = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
        long[] readElapsedCpu = readAll(assigned, format);
        if (readElapsedCpu[0] != records) {
            throw new IllegalStateException("the plain consumer read " + readElapsedCpu[0] + " of " + records + " records");
        }
        return new double[] {records / (readElapsedCpu[1] / 1e9), (double) readElapsedCpu[2] / records};
    }

    /**
     * Reads {@code assigned} from the beginning to their end offsets (read_committed, as driftwatch), decoding every
     * value, on the calling thread.
     *
     * @return the records read, the nanoseconds it took and the CPU nanoseconds of this thread
     */
    private long[] readAll(List<TopicPartition> assigned, InputFormat format) {
        PlainDecoder decoder = new PlainDecoder(format);
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(assigned);
            long expected = consumer.endOffsets(assigned).entrySet().stream()
                    .mapToLong(end -> end.getValue() - beginnings.getOrDefault(end.getKey(), 0L)).sum();
            long read = 0;
            long checksum = 0;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            long start = System.nanoTime();
            long cpuStart = ThreadCpu.currentThreadNanos();
            while (read < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the plain consumer read " + read + " of " + expected + " records in " + TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    checksum += decoder.decode(record.value());
                    read++;
                }
            }
            long elapsed = System.nanoTime() - start;
            long cpu = ThreadCpu.currentThreadNanos() - cpuStart;
            if (checksum <= 0) {
                throw new IllegalStateException("the plain consumer decoded nothing");
            }
            return new long[] {read, elapsed, cpu};
        }
    }

    /**
     * Records per second of {@code consumers} plain consumers side by side, each on its own thread with its share of the
     * partitions (partition p to consumer p mod {@code consumers}): the plain side given as many threads as driftwatch.
     */
    private double plainConsumers(String topic, InputFormat format, int consumers) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (int consumer = 0; consumer < consumers; consumer++) {
            int index = consumer;
            List<TopicPartition> share = IntStream.range(0, partitions).filter(p -> p % consumers == index)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            Thread thread = new Thread(() -> {
                try {
                    readAll(share, format);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-plain-consumer-" + consumer);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return records / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Records per second, and CPU nanoseconds per record of its stream thread, of {@link DecodeOnlyTopology} run with
     * driftwatch's Kafka Streams settings (exactly-once v2, its commit interval), timed as driftwatch is: from RUNNING
     * until every input offset was committed.
     */
    private double[] bareStreams(String run, String topic, InputFormat format) throws InterruptedException {
        Map<String, Object> settings = BenchRunSettings.of(run, bootstrapServers, format, topic, partitions);
        settings.putAll(overrides);
        DriftwatchConfig config = new DriftwatchConfig(settings);
        Path stateDirectory = BenchLifecycle.stateDirectory(run);
        Map<String, Object> properties = DriftwatchService.streamsProperties(config, Map.of(
                StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString(), StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1));
        AtomicLong decoded = new AtomicLong();
        HeapSampler heap = new HeapSampler();
        try (KafkaStreams streams = new KafkaStreams(DecodeOnlyTopology.of(topic, new DecoderFactory(config).inferences(),
                decoded), new StreamsConfig(properties))) {
            streams.start();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (streams.state() != KafkaStreams.State.RUNNING) {
                if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
                    throw new IllegalStateException("the bare topology did not reach RUNNING: " + streams.state());
                }
                Thread.sleep(POLL.toMillis() / 4);
            }
            long running = System.nanoTime();
            long cpuAtRunning = ThreadCpu.nanosOfThreadsNamed(STREAM_THREAD);
            long done = awaitCommitted(run, topic, heap);
            long cpu = ThreadCpu.nanosOfThreadsNamed(STREAM_THREAD) - cpuAtRunning;
            if (decoded.get() != records) {
                throw new IllegalStateException("the bare topology decoded " + decoded.get() + " of " + records + " records");
            }
            return new double[] {records / ((done - running) / 1e9), (double) cpu / records};
        } finally {
            BenchLifecycle.deleteRecursively(stateDirectory);
        }
    }

    private StreamTiming driftwatch(String run, String topic, InputFormat format, int threads, long bytes, double[] plain,
                                    double plainAtThreads, double[] bare, Optional<List<String>> hotMethods)
            throws InterruptedException {
        Map<String, Object> settings = BenchRunSettings.of(run, bootstrapServers, format, topic, partitions);
        settings.put(DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, Long.toString(WINDOW.toMillis()));
        settings.put(DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, Long.toString(GRACE.toMillis()));
        settings.putAll(overrides);
        DriftwatchConfig config = new DriftwatchConfig(settings);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        HeapSampler heap = new HeapSampler();
        Path stateDirectory = BenchLifecycle.stateDirectory(run);
        long liveBefore = heap.liveBytes();
        long started = System.nanoTime();
        HotMethods profile = hotMethods.isPresent() ? HotMethods.start() : null;
        long running;
        long done;
        long streamCpu;
        long liveAfter;
        ClosedWindows windows;
        try (DriftwatchService service = DriftwatchService.start(config, meters, Map.of(
                StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString(),
                StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads))) {
            running = BenchLifecycle.awaitRunning(service, TIMEOUT);
            long cpuAtRunning = ThreadCpu.nanosOfThreadsNamed(STREAM_THREAD);
            done = awaitCommitted(run, topic, heap);
            streamCpu = ThreadCpu.nanosOfThreadsNamed(STREAM_THREAD) - cpuAtRunning;
            if (profile != null) {
                hotMethods.get().addAll(profile.stop(15));
            }
            liveAfter = heap.liveBytes();
            windows = closedWindows(config.topic(DriftwatchConfig.PROFILES_TOPIC_CONFIG), expectedWindows());
        } finally {
            if (profile != null) {
                profile.close();
            }
            BenchLifecycle.deleteRecursively(stateDirectory);
        }
        double deadLetters = meters.find("driftwatch.records.dead.letter").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
        if (deadLetters > 0) {
            throw new IllegalStateException(deadLetters + " benchmark records were dead-lettered: the benchmark measured errors");
        }
        if (windows.windows() != expectedWindows()) {
            throw new IllegalStateException("driftwatch closed " + windows.windows() + " windows, not the " + expectedWindows()
                    + " the records span: the benchmark measured an incomplete run");
        }
        return new StreamTiming(format.label(), threads, new PlainDecoder(format).description(), (double) bytes / records,
                plain[0], plainAtThreads, bare[0], records / ((done - running) / 1e9), plain[1] / 1000, bare[1] / 1000,
                (double) streamCpu / records / 1000,
                (running - started) / 1e9, windows, liveAfter - liveBefore, heap.peakBytes());
    }


    /** Waits until the application's committed offsets cover every record, sampling the heap meanwhile. */
    private long awaitCommitted(String applicationId, String topic, HeapSampler heap) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            long end = admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                heap.sample();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get();
                long position = committed.entrySet().stream().filter(entry -> entry.getKey().topic().equals(topic))
                        .mapToLong(entry -> entry.getValue().offset()).sum();
                if (position >= end) {
                    return System.nanoTime();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("driftwatch committed " + position + " of " + end + " offsets in " + TIMEOUT);
                }
                Thread.sleep(POLL.toMillis() / 4);
            }
        } catch (ExecutionException e) {
            Throwable cause = requireNonNullElse(e.getCause(), e);
            throw new IllegalStateException("cannot read offsets: " + cause.getMessage(), cause);
        }
    }

    /** The windows the records close: those whose end plus grace is at or before the last record's event time. */
    private long expectedWindows() {
        long lastEventOffset = records - 1L;
        long closable = lastEventOffset - WINDOW.toMillis() - GRACE.toMillis();
        return closable < 0 ? 0 : closable / WINDOW.toMillis() + 1;
    }

    /**
     * What the profiles topic holds once {@code expected} windows are on it (or the timeout passed): the
     * windows closed, the records they counted (the prediction's profile counts every record), and the mean
     * serialized size of a numeric and of a categorical feature's profile, which is what the state holds per
     * feature and open window. The merge stage commits after the input offsets, so it is waited for here,
     * after the timed part.
     */
    private ClosedWindows closedWindows(String profilesTopic, long expected) {
        Serde<WindowProfile> serde = Topics.PROFILES.valueSerde();
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long windows = 0;
        long counted = 0;
        long[] profiles = new long[2];
        long[] profileBytes = new long[2];
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> assigned = new ArrayList<>();
            consumer.partitionsFor(profilesTopic).forEach(info -> assigned.add(new TopicPartition(profilesTopic, info.partition())));
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (windows < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    WindowProfile profile = serde.deserializer().deserialize(profilesTopic, record.value());
                    if (profile.getFeature().equals(FeatureProfiles.PREDICTION)) {
                        windows++;
                        counted += profile.getCount();
                    } else {
                        int kind = profile.getColumnType() == ColumnKind.NUMERIC ? 0 : 1;
                        profiles[kind]++;
                        profileBytes[kind] += profile.getProfile().remaining();
                    }
                }
            }
        }
        return new ClosedWindows(windows, counted, profiles[0] == 0 ? 0 : (double) profileBytes[0] / profiles[0],
                profiles[1] == 0 ? 0 : (double) profileBytes[1] / profiles[1]);
    }


}
