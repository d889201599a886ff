package io.driftwatch.cli;

import io.driftwatch.cli.topic.CommittedTopicReader;
import io.driftwatch.cli.triggers.TriggerJson;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.common.serialization.Serde;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;

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
        try (CommittedTopicReader reader = CommittedTopicReader.open(config.kafkaSettings(), topic, group)) {
            reader.read(follow, record -> {
                RetrainingTrigger trigger = serde.deserializer().deserialize(topic, record.value());
                if (trigger != null && printed.add(trigger.getTriggerId())) {
                    out.println(TriggerJson.line(trigger));
                }
            }, out::flush);
        }
        return 0;
    }
}
