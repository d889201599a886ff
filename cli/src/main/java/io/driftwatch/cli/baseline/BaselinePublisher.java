package io.driftwatch.cli.baseline;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.TopicProvisioningException;
import io.driftwatch.topics.TopicSpec;
import io.driftwatch.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * Publishes a baseline to the compacted baselines topic: creates the topic with
 * {@code cleanup.policy=compact} when it is missing and waits until it is ready (producing into a topic
 * that is still being created loses records), refuses an existing topic that is not compacted (its
 * baselines would expire with its retention), then sends the record keyed {@code model/version} with an
 * idempotent {@code acks=all} producer and waits for the broker's acknowledgement. A baseline is published
 * only when {@link #publish} returns.
 */
public final class BaselinePublisher {
    private final Map<String, Object> clientSettings;
    private final Duration timeout;

    /**
     * @param clientSettings Kafka client settings (bootstrap servers, security), shared by the admin client
     *                       and the producer; never logged, they may hold secrets
     */
    public BaselinePublisher(Map<String, Object> clientSettings, Duration timeout) {
        this.clientSettings = Map.copyOf(requireNonNull(clientSettings, "clientSettings"));
        this.timeout = requireNonNull(timeout, "timeout");
    }

    /** Where the baseline landed. */
    public record Published(String topic, int partition, long offset) {
    }

    /**
     * @throws BadInputException if the topic exists without compaction, or the client settings are invalid
     * @throws PublishException  if Kafka does not answer in time or rejects the topic or the record
     */
    public Published publish(TopicSpec topic, Baseline baseline) throws BadInputException, PublishException {
        requireNonNull(topic, "topic");
        requireNonNull(baseline, "baseline");
        String key = BaselineRecords.topicKey(baseline.getModelName(), baseline.getModelVersion());
        requireFitsTheTopic(baseline);
        try {
            ensureCompactedTopic(topic);
            return send(topic.name(), key, baseline);
        } catch (KafkaException e) {
            // Construction fails this way on unusable settings, e.g. a bootstrap address that does not resolve.
            String cause = e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
            throw new BadInputException("cannot connect to Kafka: " + e.getMessage() + cause
                    + "; check --bootstrap-servers and the settings in --config", e);
        }
    }

    private void ensureCompactedTopic(TopicSpec topic) throws BadInputException, PublishException {
        try (Admin admin = Admin.create(clientSettings)) {
            new TopicProvisioner(admin, timeout).ensure(List.of(topic));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
            Config config = requireNonNull(admin.describeConfigs(List.of(resource)).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource), "describeConfigs answers for each resource asked");
            ConfigEntry policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                throw new BadInputException("topic " + topic.name() + " exists with cleanup.policy="
                        + (policy == null ? "unknown" : policy.value()) + ", so its baselines would expire with its"
                        + " retention; set cleanup.policy=compact on it, or choose another topic with --topic");
            }
        } catch (TopicProvisioningException e) {
            throw new PublishException(e.getMessage() + "; check --bootstrap-servers and the settings in --config", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishException("cannot read the settings of topic " + topic.name() + ": " + causeOf(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while preparing topic " + topic.name(), e);
        }
    }

    private static void requireFitsTheTopic(Baseline baseline) throws BadInputException {
        long bytes = Topics.BASELINES.valueSerde().serializer().serialize(null, baseline).length;
        if (bytes > Topics.BASELINE_MAX_BYTES) {
            throw new BadInputException(String.format(Locale.ROOT, "baseline %s is %.1f MiB as a Kafka record, more than"
                    + " the %d MiB the baselines topic takes; keep fewer raw values per numeric column with --exact-values"
                    + " (the rest is sketched), or build it from fewer rows", baseline.getBaselineId(), bytes / 1048576.0,
                    Topics.BASELINE_MAX_BYTES >> 20));
        }
    }

    private Published send(String topic, String key, Baseline baseline) throws PublishException {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.BASELINE_MAX_BYTES);
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * Topics.BASELINE_MAX_BYTES);
        settings.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // A baseline is written once and must not be lost or duplicated: these are not left to the user's file.
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        settings.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        Serde<Baseline> serde = Topics.BASELINES.valueSerde();
        try (KafkaProducer<String, Baseline> producer = new KafkaProducer<>(settings, new StringSerializer(), serde.serializer())) {
            RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, key, baseline))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Published(metadata.topic(), metadata.partition(), metadata.offset());
        } catch (ExecutionException | TimeoutException e) {
            String tooLarge = e.getCause() instanceof RecordTooLargeException ? "; the topic takes smaller records than"
                    + " this baseline: set max.message.bytes=" + Topics.BASELINE_MAX_BYTES + " on topic " + topic
                    + " (a topic created by an older driftwatch keeps the broker's 1 MB)" : "";
            throw new PublishException("baseline " + baseline.getBaselineId() + " was not acknowledged by topic " + topic
                    + " within " + timeout.toSeconds() + " s: " + causeOf(e) + tooLarge + "; check --bootstrap-servers, the"
                    + " settings in --config and the topic's ACLs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing baseline " + baseline.getBaselineId(), e);
        }
    }

    private static String causeOf(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }
}
