package io.driftwatch.cli;

import io.driftwatch.cli.triggers.TriggerJson;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;
import static picocli.CommandLine.Model.CommandSpec;

/**
 * {@code driftwatch triggers}: prints retraining triggers as a CI job consumes them, one JSON object per
 * line, reading only committed records (the topology writes triggers transactionally) and printing each
 * trigger id once even if a record appears twice.
 */
@Command(mixinStandardHelpOptions = true, name = "triggers",
        description = {"Print retraining triggers as JSON lines, as a CI job would consume them (read_committed).", ""},
        footer = {"", "Examples:",
                "  driftwatch triggers --bootstrap-servers localhost:9092",
                "  driftwatch triggers --bootstrap-servers localhost:9092 --follow --group ci-retrain",
                "  driftwatch triggers --bootstrap-servers localhost:9092 --follow | while read -r t; do ./retrain.sh \"$t\"; done",
                "", "Without --follow it prints what is on the topic and exits. With --group, offsets are committed after",
                "each printed batch, so a restarted CI consumer resumes where it stopped."})
public final class TriggersCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(500);

    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaClientOptions kafka = new KafkaClientOptions();

    @Option(names = "--consumer-config", paramLabel = "FILE", hidden = true, description = "Deprecated: --config.")
    private @Nullable Path consumerConfigAlias;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Trigger topic (default: driftwatch.topic.triggers of"
            + " --config, whose own default is driftwatch.triggers).")
    private @Nullable String topic;

    @Option(names = "--follow", description = "Keep reading and print new triggers as they arrive.")
    private boolean follow;

    @Option(names = "--group", paramLabel = "ID", description = "Consumer group: resume from its committed offsets instead of the beginning.")
    private @Nullable String group;

    @Override
    public Integer call() throws BadInputException {
        PrintWriter out = spec.commandLine().getOut();
        kafka.acceptDeprecatedConfig(spec, "--consumer-config", consumerConfigAlias);
        DriftwatchConfig config = kafka.driftwatchConfig();
        String topic = this.topic != null ? this.topic : config.topic(DriftwatchConfig.TRIGGERS_TOPIC_CONFIG);
        Serde<RetrainingTrigger> serde = Topics.TRIGGERS.valueSerde();
        Set<String> printed = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(config), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new BadInputException("topic " + topic + " does not exist on " + config.kafkaSettings().get("bootstrap.servers")
                        + "; is driftwatch running, and is --topic right?");
            }
            if (group != null) {
                consumer.subscribe(List.of(topic));
            } else {
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
            }
            Map<TopicPartition, Long> end = follow ? Map.of() : consumer.endOffsets(partitions);
            while (follow || !reachedEnd(consumer, partitions, end)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    RetrainingTrigger trigger = serde.deserializer().deserialize(topic, record.value());
                    if (trigger != null && printed.add(trigger.getTriggerId())) {
                        out.println(TriggerJson.line(trigger));
                    }
                }
                out.flush();
                if (group != null) {
                    consumer.commitSync();
                }
            }
        }
        return 0;
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < requireNonNull(end.get(partition), "endOffsets answers for each partition asked")) {
                return false;
            }
        }
        return true;
    }

    private Properties consumerProperties(DriftwatchConfig config) {
        Properties properties = new Properties();
        properties.putAll(config.kafkaSettings());
        Map<String, Object> fixed = new HashMap<>();
        fixed.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        fixed.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        fixed.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        if (group != null) {
            fixed.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        properties.putAll(fixed);
        return properties;
    }
}
