package io.driftwatch.alerts;

import io.driftwatch.alerts.mail.SmtpMailer;
import io.driftwatch.alerts.policy.AlertRouting;
import io.driftwatch.alerts.policy.FollowedRoutes;
import io.driftwatch.alerts.policy.KafkaSentAlerts;
import io.driftwatch.alerts.policy.PendingAlert;
import io.driftwatch.alerts.policy.PolicyRouting;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.TopicSpec;
import io.driftwatch.topics.Topics;
import io.driftwatch.topics.TopicsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.util.Objects.requireNonNull;

/**
 * The alerts process: a plain consumer (not Kafka Streams, since sending mail is a side effect a replayed
 * task would repeat) on the alerts topic with {@code read_committed}, so only alerts of committed
 * transactions are mailed. It runs on its own thread until {@link #close()}. Offsets are committed only up
 * to the first alert not yet mailed and recorded in the sent-ids topic; what a crash leaves uncommitted is
 * read again and skipped by id. See "What it guarantees" in docs/alerts.md. The consumer's own
 * metrics (lag on the alerts topic) go to the registry through Micrometer's {@link KafkaClientMetrics}.
 */
public final class AlertsService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertsService.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaSentAlerts sent;
    private final AlertDispatcher dispatcher;
    private final @Nullable FollowedRoutes followedRoutes;
    private final String topic;
    private final Clock clock;
    private final Deserializer<AlertEvent> decoder = Topics.ALERTS.valueSerde().deserializer();
    private final Counter undecodable;
    private final KafkaClientMetrics consumerMetrics;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile @Nullable RuntimeException failure;
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    private AlertsService(KafkaConsumer<String, byte[]> consumer, KafkaSentAlerts sent, AlertDispatcher dispatcher,
                          @Nullable FollowedRoutes followedRoutes, String topic, Clock clock, MeterRegistry meters) {
        this.consumer = consumer;
        this.followedRoutes = followedRoutes;
        this.sent = sent;
        this.dispatcher = dispatcher;
        this.topic = topic;
        this.clock = clock;
        this.undecodable = Counter.builder("driftwatch.alerts.undecodable")
                .description("Records on the alerts topic that are not alert events; skipped.").register(meters);
        Gauge.builder("driftwatch.alerts.sent.ids", sent, KafkaSentAlerts::rememberedIds)
                .description("Alert ids remembered as mailed, those of the last driftwatch.alerts.sent.retention.ms.").register(meters);
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(meters);
    }

    /**
     * Every model's alerts routed by the {@code driftwatch.alerts.*} settings ({@link AlertsConfig#routing()}).
     *
     * @see #start(TopicsConfig, AlertsConfig, AlertRouting, MeterRegistry, Clock, Path)
     */
    public static AlertsService start(TopicsConfig config, AlertsConfig alerts, MeterRegistry meters, Clock clock,
                                      @Nullable Path saveDirectory) {
        return start(config, alerts, requireNonNull(alerts, "alerts").routing(), meters, clock, saveDirectory);
    }

    /**
     * Creates the alerts and sent-ids topics if missing, reads the sent ids, and starts consuming, mailing each model
     * version's alerts by its route.
     *
     * @param saveDirectory when not null, every email sent is also saved there as .eml and .html
     * @throws io.driftwatch.topics.TopicProvisioningException when the topics cannot be created
     * @throws io.driftwatch.alerts.policy.SentAlertsException when the sent ids cannot be read
     */
    public static AlertsService start(TopicsConfig config, AlertsConfig alerts, AlertRouting routing, MeterRegistry meters,
                                      Clock clock, @Nullable Path saveDirectory) {
        return start(config, alerts, requireNonNull(routing, "routing"), null, meters, clock, saveDirectory);
    }

    /**
     * Creates the alerts, sent-ids and policies topics if missing, reads the sent ids and every policy, and starts
     * consuming, mailing each model version's alerts by the route its policy gives, followed without a restart
     * ({@link FollowedRoutes}).
     *
     * @param saveDirectory when not null, every email sent is also saved there as .eml and .html
     * @throws io.driftwatch.topics.TopicProvisioningException when the topics cannot be created
     * @throws io.driftwatch.alerts.policy.SentAlertsException when the sent ids cannot be read
     */
    public static AlertsService start(TopicsConfig config, AlertsConfig alerts, PolicyRouting policies, MeterRegistry meters,
                                      Clock clock, @Nullable Path saveDirectory) {
        requireNonNull(policies, "policies");
        try (Admin admin = Admin.create(config.kafkaSettings())) {
            new TopicProvisioner(admin, KAFKA_TIMEOUT).ensure(List.of(Topics.POLICIES.spec(config)));
        }
        FollowedRoutes routes = FollowedRoutes.open(config.kafkaSettings(), Topics.POLICIES.name(config), policies, KAFKA_TIMEOUT);
        return start(config, alerts, routes, routes, meters, clock, saveDirectory);
    }

    private static AlertsService start(TopicsConfig config, AlertsConfig alerts, AlertRouting routing,
                                       @Nullable FollowedRoutes followedRoutes, MeterRegistry meters, Clock clock,
                                       @Nullable Path saveDirectory) {
        requireNonNull(config, "config");
        requireNonNull(alerts, "alerts");
        String topic = Topics.ALERTS.name(config);
        try (Admin admin = Admin.create(config.kafkaSettings())) {
            new TopicProvisioner(admin, KAFKA_TIMEOUT).ensure(List.of(
                    Topics.ALERTS.spec(config),
                    new TopicSpec(alerts.sentTopic(), 1, config.topicReplicationFactor(), Map.of(
                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                            TopicConfig.RETENTION_MS_CONFIG, Long.toString(alerts.sentRetention().toMillis())))));
        }
        KafkaSentAlerts sent = KafkaSentAlerts.open(config.kafkaSettings(), alerts.sentTopic(), alerts.sentRetention(), KAFKA_TIMEOUT, clock);
        Map<String, Object> settings = new HashMap<>(config.kafkaSettings());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, alerts.consumerGroup());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        AlertDispatcher dispatcher = new AlertDispatcher(alerts, routing, sent, new SmtpMailer(alerts.smtp()), meters, saveDirectory);
        AlertsService service = new AlertsService(consumer, sent, dispatcher, followedRoutes, topic, clock, meters);
        log.info("starting driftwatch alerts on {} (topic {}, group {}, grouping {}, at most {} emails per model per hour unless routed otherwise, SMTP {}:{} {})",
                config.kafkaSettings().get("bootstrap.servers"), topic, alerts.consumerGroup(), alerts.groupTime(),
                alerts.emailsPerModelPerHour(), alerts.smtp().host(), alerts.smtp().port(), alerts.smtp().security().label());
        Thread thread = new Thread(service::run, "driftwatch-alerts");
        thread.start();
        return service;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    accept(record);
                }
                if (followedRoutes != null) {
                    followedRoutes.poll();
                }
                dispatcher.dispatchDue(clock.instant());
                commit();
            }
        } catch (WakeupException e) {
            if (running.get()) {
                failure = e;
            }
        } catch (RuntimeException e) {
            failure = e;
            log.error("the alerts consumer stopped: {}; restart it, uncommitted alerts are read again and mailed once", e.getMessage(), e);
        } finally {
            consumerMetrics.close();
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            sent.close();
            if (followedRoutes != null) {
                followedRoutes.close();
            }
            stopped.countDown();
        }
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        AlertEvent event;
        try {
            event = decoder.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            undecodable.increment();
            log.warn("skipping a record that is not an alert event at {}-{} offset {}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (event != null) {
            dispatcher.accept(new PendingAlert(event, record.partition(), record.offset()), clock.instant());
        }
    }

    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            long position = consumer.position(partition);
            long safe = dispatcher.lowestPendingOffset(partition.partition()).orElse(position);
            if (safe > committed.getOrDefault(partition, -1L)) {
                offsets.put(partition, new OffsetAndMetadata(safe));
            }
        }
        if (!offsets.isEmpty()) {
            try {
                consumer.commitSync(offsets);
                offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
            } catch (KafkaException e) {
                log.warn("committing alert offsets failed ({}); the alerts after the last commit are read again and skipped by id",
                        e.getMessage());
            }
        }
    }

    /**
     * Why the consumer thread stopped when nobody closed the service, so the process can exit with a failure
     * and an orchestrator that restarts failed processes brings it back.
     */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Blocks until the consumer thread has stopped. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            dispatcher.dropPartitions(partitions.stream().map(TopicPartition::partition).toList());
            partitions.forEach(committed::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                sent.refresh();
            }
        }
    }
}
