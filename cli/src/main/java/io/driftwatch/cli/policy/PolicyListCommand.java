package io.driftwatch.cli.policy;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.cli.KafkaClientOptions;
import io.driftwatch.policy.PolicyDocument;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.policy.PublishedPolicies;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code driftwatch policy list}: the policies on the policies topic, one line each, as {@code run} and {@code alerts}
 * see them: the key, the model and versions, the policy's id, and whether it is applied or refused (with the reason,
 * the same check the service runs), so an owner can confirm what a model is judged by without reading the service's
 * log.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the policies on the policies topic: key, id, and whether run and alerts apply it.", ""},
        footer = {"", "Examples:", "  driftwatch policy list --bootstrap-servers localhost:9092"})
public final class PolicyListCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaClientOptions kafka = new KafkaClientOptions();

    @Override
    public Integer call() throws BadInputException {
        DriftwatchConfig config = kafka.driftwatchConfig();
        String topic = Topics.POLICIES.name(config);
        Map<String, @Nullable String> latest = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings(config), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new BadInputException("topic " + topic + " does not exist on " + config.kafkaSettings().get("bootstrap.servers")
                        + "; publish a policy first (driftwatch policy publish FILE)");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.getOrDefault(partition, 0L))) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.key() != null) {
                        latest.put(record.key(), record.value());
                    }
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PublishedPolicies published = new PublishedPolicies();
        latest.forEach((key, text) -> {
            if (text == null) {
                return;
            }
            try {
                PolicyDocument document = published.accept(key, text);
                out.println(key + "  file " + document.id() + "  applied");
            } catch (PolicyException e) {
                out.println(key + "  refused: " + e.problems().get(0) + (e.problems().size() > 1
                        ? " (and " + (e.problems().size() - 1) + " more problems)" : ""));
            }
        });
        if (latest.values().stream().allMatch(text -> text == null)) {
            out.println("no policies on " + topic + "; every model is judged by the driftwatch.* settings");
        }
        out.flush();
        return ExitCode.OK;
    }

    private static Map<String, Object> consumerSettings(DriftwatchConfig config) {
        Map<String, Object> settings = new HashMap<>(config.kafkaSettings());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return settings;
    }
}
