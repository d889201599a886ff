package io.driftwatch.topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

/**
 * Creates the topics driftwatch needs and returns only when every partition of every one answers a
 * produce-path request. Creating a topic and producing to it at once lost records on Kafka 4.3.1
 * (KAFKA-15591: the new partition's leader is not yet known everywhere, and idempotent sends fail with
 * out-of-order sequence errors); asking each partition's leader for its latest offset first avoids that.
 */
public final class TopicProvisioner {
    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(50);

    private final Admin admin;
    private final Duration timeout;

    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = requireNonNull(admin, "admin");
        this.timeout = requireNonNull(timeout, "timeout");
    }

    /**
     * Creates whichever of {@code specs} do not exist (existing topics are left as they are) and waits until
     * every partition of all of them is ready.
     *
     * @throws TopicProvisioningException when a topic cannot be created or is not ready within the timeout
     */
    public void ensure(List<TopicSpec> specs) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<NewTopic> newTopics = specs.stream().map(TopicProvisioner::newTopic).toList();
        CreateTopicsResult created = admin.createTopics(newTopics);
        for (Map.Entry<String, KafkaFuture<Void>> entry : created.values().entrySet()) {
            try {
                entry.getValue().get(remaining(deadline), TimeUnit.NANOSECONDS);
                log.info("created topic {}", entry.getKey());
            } catch (ExecutionException e) {
                Throwable cause = requireNonNullElse(e.getCause(), e);
                if (!(cause instanceof TopicExistsException)) {
                    throw new TopicProvisioningException("cannot create topic " + entry.getKey() + ": "
                            + cause.getMessage() + "; check the broker's ACLs and the topic settings", cause);
                }
            } catch (TimeoutException e) {
                throw new TopicProvisioningException("creating topic " + entry.getKey() + " took longer than " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicProvisioningException("interrupted while creating topic " + entry.getKey(), e);
            }
        }
        awaitReady(specs.stream().map(TopicSpec::name).toList(), deadline);
    }

    private void awaitReady(List<String> topics, long deadline) {
        while (true) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                        .get(remaining(deadline), TimeUnit.NANOSECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                descriptions.values().forEach(description -> description.partitions().forEach(partition ->
                        latest.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
                admin.listOffsets(latest).all().get(remaining(deadline), TimeUnit.NANOSECONDS);
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() >= deadline) {
                    Throwable cause = requireNonNullElse(e.getCause(), e);
                    throw new TopicProvisioningException("topics " + topics + " were not ready within " + timeout
                            + ": " + cause.getMessage(), cause);
                }
                pause();
            } catch (TimeoutException e) {
                throw new TopicProvisioningException("topics " + topics + " were not ready within " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicProvisioningException("interrupted while waiting for topics " + topics, e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("interrupted while waiting for topics", e);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }

    private static NewTopic newTopic(TopicSpec spec) {
        NewTopic topic = new NewTopic(spec.name(), Optional.of(spec.partitions()), spec.replicationFactor());
        return topic.configs(spec.configs());
    }
}
