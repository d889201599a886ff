package io.driftwatch.cli.policy;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.baseline.PublishException;
import io.driftwatch.policy.PolicyComparison;
import io.driftwatch.policy.PolicyDocument;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.policy.PolicyProblem;
import io.driftwatch.policy.PolicySet;
import io.driftwatch.policy.PublishedPolicies;
import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What {@code driftwatch policy publish} does, for it and for the tools that publish policies the same way (the demo):
 * every file validated first, alone and as one set, then each written as its text to the compacted policies topic under
 * its {@code MODEL/VERSIONS} key. Nothing is written unless every file is valid.
 */
public final class PolicyPublisher {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DriftwatchConfig config;

    /** One file written to the topic: its key, its policy (with the policy's id) and the topic's name. */
    public record Published(Path file, String key, PolicyDocument document, String topic) {
        public Published {
            requireNonNull(file, "file");
            requireNonNull(key, "key");
            requireNonNull(document, "document");
            requireNonNull(topic, "topic");
        }
    }

    public PolicyPublisher(DriftwatchConfig config) {
        this.config = requireNonNull(config, "config");
    }

    /**
     * @return the files as written, in the order given
     * @throws PolicyException   with every problem of every file, when one is invalid or two claim the same model version
     * @throws BadInputException when a file cannot be read again after validation
     * @throws PublishException  when the broker does not take a record
     */
    public List<Published> publish(List<Path> files) throws PolicyException, BadInputException, PublishException {
        List<PolicyDocument> documents = validate(files);
        String topic = Topics.POLICIES.name(config);
        try (Admin admin = Admin.create(config.kafkaSettings())) {
            new TopicProvisioner(admin, TIMEOUT).ensure(List.of(Topics.POLICIES.spec(config)));
        }
        List<Published> published = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings(), new StringSerializer(),
                new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            try {
                for (int i = 0; i < documents.size(); i++) {
                    PolicyDocument document = documents.get(i);
                    String key = PublishedPolicies.keyOf(document.policy());
                    send(producer, new ProducerRecord<>(topic, key, text(files.get(i))));
                    published.add(new Published(files.get(i), key, document, topic));
                }
                producer.commitTransaction();
            } catch (KafkaException | BadInputException e) {
                producer.abortTransaction();
                throw e;
            }
        } catch (KafkaException e) {
            throw new PublishException("could not publish to " + topic + " on " + config.kafkaSettings().get("bootstrap.servers")
                    + " (nothing was published): " + e.getMessage() + "; check --bootstrap-servers and that the broker is up", e);
        }
        return published;
    }

    /** A transactional send: a record the broker refuses fails {@code commitTransaction}, which then aborts them all. */
    @SuppressWarnings("FutureReturnValueIgnored")
    private static void send(KafkaProducer<String, String> producer, ProducerRecord<String, String> record) {
        producer.send(record);
    }

    /**
     * Reads and validates every file, alone and as one set, connecting to nothing.
     *
     * @throws PolicyException with every problem of every file
     */
    public static List<PolicyDocument> validate(List<Path> files) throws PolicyException {
        List<PolicyDocument> documents = PolicyDocument.readAll(files);
        List<PolicyProblem> contradictions = PolicyComparison.contradictions(PolicySet.of(documents));
        if (!contradictions.isEmpty()) {
            throw new PolicyException(contradictions);
        }
        return documents;
    }


    private Map<String, Object> producerSettings() {
        Map<String, Object> settings = new HashMap<>(config.kafkaSettings());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // One transaction for every file: run and alerts read the topic read_committed, so they see all or none.
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "driftwatch-policy-publish-" + UUID.randomUUID());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        return settings;
    }

    /** The text as validated is the text published: the file is read again, since the topic carries the file itself. */
    private static String text(Path file) throws BadInputException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + " again after validating it: " + e.getMessage(), e);
        }
    }
}
