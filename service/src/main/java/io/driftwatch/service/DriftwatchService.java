package io.driftwatch.service;

import io.driftwatch.stats.compare.ProfileComparator;
import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.DriftwatchTopology;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.ingest.DecoderFactory;
import io.driftwatch.topology.policy.ConfigModelRules;
import io.driftwatch.topology.policy.ModelRulesSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

/**
 * One running driftwatch instance: creates the topics it needs (and waits until they are ready), builds
 * the topology (drift on the inferences, and quality from the labels joined to them when labels are on),
 * and runs Kafka Streams with exactly-once, each model version judged by the rules its policy gives (a
 * {@link ModelRulesSource}; {@link ConfigModelRules} when none is given). A stream thread that fails (for example while the schema
 * registry is down longer than a record may wait) is replaced, and resumes from its last committed offsets,
 * so the service stays up. A Kafka broker outage of up to {@link #BROKER_OUTAGE_RIDDEN_OUT} is waited out by the
 * stream threads themselves, none replaced. Instances with the same application id share the work.
 * Kafka Streams' own metrics (consumer lag, commit latency, state restore) go to the given registry
 * through Micrometer's {@link KafkaStreamsMetrics}.
 */
public final class DriftwatchService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DriftwatchService.class);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);
    /** Each commit writes the open windows' profiles to their changelog; outputs are per window, so a second is plenty. */
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    /**
     * The broker outage a stream thread rides out without failing: how long its producer may block waiting for a
     * topic's metadata or a transaction call. At the producer's default of a minute, a send or commit during a longer
     * outage fails, the task's transaction becomes abortable, and Kafka Streams' recovery then fails committing it, so
     * the thread dies; its replacement waits out the dead member's session timeout after the broker is back (found by
     * the broker-restart chaos scenario). Kept below the consumer's {@code max.poll.interval.ms} (5 minutes by
     * default), as Kafka Streams' documentation asks, so a blocked thread is not taken for a stuck one.
     */
    static final Duration BROKER_OUTAGE_RIDDEN_OUT = Duration.ofMinutes(4);
    /** Kafka Streams adds metrics as partitions are assigned; this is how soon they reach the registry. */
    private static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(10);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final ScheduledExecutorService metricsRefresh;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger threadsReplaced = new AtomicInteger();

    private DriftwatchService(KafkaStreams streams, KafkaStreamsMetrics streamsMetrics, ScheduledExecutorService metricsRefresh) {
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
        this.metricsRefresh = metricsRefresh;
    }

    /**
     * Every model judged by the {@code driftwatch.*} rules, whatever the policies topic holds.
     *
     * @throws IllegalStateException when the topics cannot be created or described
     */
    public static DriftwatchService start(DriftwatchConfig config, MeterRegistry meters, Map<String, Object> streamsOverrides) {
        return start(config, meters, streamsOverrides, new ConfigModelRules(requireNonNull(config, "config")));
    }

    /**
     * @param rules checks each policy published on the policies topic and gives each model version its rules
     * @throws IllegalStateException when the topics cannot be created or described
     */
    public static DriftwatchService start(DriftwatchConfig config, MeterRegistry meters, Map<String, Object> streamsOverrides,
                                          ModelRulesSource rules) {
        requireNonNull(config, "config");
        requireNonNull(rules, "rules");
        int inputPartitions;
        try (Admin admin = Admin.create(config.kafkaSettings())) {
            new TopicProvisioner(admin, TOPIC_TIMEOUT).ensure(Topics.specs(config));
            String inferences = Topics.INFERENCES.name(config);
            TopicDescription described = admin.describeTopics(List.of(inferences)).allTopicNames().get().get(inferences);
            inputPartitions = requireNonNull(described, "describeTopics answers for each topic asked").partitions().size();
        } catch (ExecutionException e) {
            Throwable cause = requireNonNullElse(e.getCause(), e);
            throw new IllegalStateException("cannot describe the input topic: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing topics", e);
        }
        DecoderFactory decoders = new DecoderFactory(config);
        Topology topology = DriftwatchTopology.build(config, decoders.inferences(), config.labelsEnabled() ? decoders.labels() : null,
                (settings, reference, current, thresholds, chosen) -> new ProfileComparator(settings.withBaselineChoices(thresholds, chosen))
                        .compare(reference, current), rules, inputPartitions, meters, Clock.systemUTC());
        KafkaStreams streams = new KafkaStreams(topology, new StreamsConfig(streamsProperties(config, streamsOverrides)));
        ScheduledExecutorService metricsRefresh = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "driftwatch-kafka-metrics");
            thread.setDaemon(true);
            return thread;
        });
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams, Tags.empty(), metricsRefresh, KAFKA_METRICS_REFRESH);
        DriftwatchService service = new DriftwatchService(streams, streamsMetrics, metricsRefresh);
        streams.setUncaughtExceptionHandler(exception -> {
            log.error("a stream thread failed; replacing it, it resumes from its last committed offsets", exception);
            service.threadsReplaced.incrementAndGet();
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((newState, oldState) -> {
            log.info("Kafka Streams {} -> {}", oldState, newState);
            if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
                service.stopped.countDown();
            }
        });
        log.info("starting driftwatch {} on {} ({} input partitions)", config.applicationId(),
                config.kafkaSettings().get("bootstrap.servers"), inputPartitions);
        streams.start();
        streamsMetrics.bindTo(meters);
        return service;
    }

    /**
     * The Kafka Streams settings driftwatch runs with: exactly-once v2, its commit interval and producer blocking,
     * then {@code overrides}. Public so a benchmark's bare topology runs with exactly these.
     */
    public static Map<String, Object> streamsProperties(DriftwatchConfig config, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(config.kafkaSettings());
        properties.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        properties.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.putIfAbsent(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        properties.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL.toMillis());
        String producerMaxBlock = StreamsConfig.producerPrefix(ProducerConfig.MAX_BLOCK_MS_CONFIG);
        if (!properties.containsKey(ProducerConfig.MAX_BLOCK_MS_CONFIG) && !properties.containsKey(producerMaxBlock)) {
            properties.put(producerMaxBlock, BROKER_OUTAGE_RIDDEN_OUT.toMillis());
        }
        properties.putAll(overrides);
        return properties;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Stream threads that failed and were replaced since the start. */
    public int threadsReplaced() {
        return threadsReplaced.get();
    }

    /** Stream threads alive now: created, starting, running or rebalancing, not failed or shutting down. */
    public long liveStreamThreads() {
        return streams.metadataForLocalThreads().stream()
                .filter(thread -> !thread.threadState().equals("DEAD") && !thread.threadState().equals("PENDING_SHUTDOWN")).count();
    }

    /** Blocks until the service stops (closed, or failed beyond recovery). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        streamsMetrics.close();
        metricsRefresh.shutdownNow();
        streams.close(Duration.ofSeconds(30));
        stopped.countDown();
    }
}
