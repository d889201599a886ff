package io.driftwatch.cli.reports;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.cli.KafkaClientOptions;
import io.driftwatch.cli.topic.CommittedTopicReader;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * What the four {@code reports} subcommands share: the options, reading the topic with {@link CommittedTopicReader}
 * (committed records, to the end or on with {@code --follow} until Ctrl-C), filtering, printing, and the one line for a
 * topic that holds another record type. Each subcommand only says which {@link ReportKind} it reads.
 *
 * @param <V> the record type of the subcommand's topic
 */
abstract class TopicReportCommand<V> implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaClientOptions kafka = new KafkaClientOptions();

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Topic to read (default: its name in --config, or driftwatch's default name).")
    private @Nullable String topic;

    @Option(names = "--model", paramLabel = "MODEL", description = "Only this model's records.")
    private @Nullable String model;

    @Option(names = "--model-version", paramLabel = "VERSION", description = "Only this model version's records.")
    private @Nullable String modelVersion;

    @Option(names = "--since", paramLabel = "TIME", description = "Only records whose window starts (a dead letter: whose record time is) at or after TIME: an ISO-8601"
            + " instant (2026-12-07T10:00:00Z) or a duration back from now (24h, 7d).")
    private @Nullable String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only records whose window starts (a dead letter: whose record time is) before TIME; same forms as --since.")
    private @Nullable String until;

    @Option(names = "--follow", description = "Keep reading and print new records as they arrive, until Ctrl-C.")
    private boolean follow;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "table (default): aligned columns for a person; json: one object per line (docs/reports.md).")
    private ReportFormat format = ReportFormat.TABLE;

    private final ReportKind<V> kind;
    private final String holds;
    private final ShutdownHooks hooks;

    /** @param holds what the topic holds, in the plural, for messages ("drift reports") */
    TopicReportCommand(ReportKind<V> kind, String holds, ShutdownHooks hooks) {
        this.kind = kind;
        this.holds = holds;
        this.hooks = hooks;
    }

    @Override
    public Integer call() throws BadInputException {
        ReportFilter filter = filter(Instant.now());
        DriftwatchConfig config = kafka.driftwatchConfig();
        String topicName = topic != null ? topic : kind.topic().name(config);
        try (CommittedTopicReader reader = CommittedTopicReader.open(config.kafkaSettings(), topicName, null)) {
            read(reader, filter);
        } catch (TimeoutException e) {
            // Kafka's fault or the network's, not the input's nor ours: one line saying what to check, exit 3.
            spec.commandLine().getErr().println("driftwatch: Kafka at " + config.kafkaSettings().get("bootstrap.servers")
                    + " did not answer reading " + topicName + " (" + e.getMessage() + "); is it running, and are"
                    + " --bootstrap-servers and the security settings of --config right?");
            return ExitCode.FAILURE;
        }
        return ExitCode.OK;
    }

    private void read(CommittedTopicReader reader, ReportFilter filter) throws BadInputException {
        PrintWriter out = spec.commandLine().getOut();
        ReportPrinter<V> printer = new ReportPrinter<>(kind, format, follow, out);
        Deserializer<V> deserializer = kind.topic().valueSerde().deserializer();
        FollowStop stop = new FollowStop(reader, hooks);
        Thread hook = new Thread(stop, "driftwatch-reports-stop");
        if (follow) {
            hooks.add(hook);
        }
        try {
            reader.read(follow, record -> {
                V value = decode(deserializer, record);
                if (value != null && filter.accepts(kind, value)) {
                    printer.print(value);
                }
            }, printer::batchEnded);
            printer.finish(reader.topic());
        } catch (UnreadableRecord e) {
            throw new BadInputException(TopicContents.wrongTopic(reader.topic(), e.value, holds), e);
        } finally {
            out.flush();
            stop.readReturned();
            if (follow) {
                hooks.remove(hook);
            }
        }
    }

    private ReportFilter filter(Instant now) throws BadInputException {
        if (!kind.carriesModel() && (model != null || modelVersion != null)) {
            throw new BadInputException(holds + " carry no model or version: drop --model and --model-version"
                    + " (the preview and source topic say where a record came from)");
        }
        return new ReportFilter(model, modelVersion, since == null ? null : TimeBound.parse("--since", since, now),
                until == null ? null : TimeBound.parse("--until", until, now));
    }

    private static <V> @Nullable V decode(Deserializer<V> deserializer, ConsumerRecord<String, byte[]> record) {
        byte[] value = record.value();
        if (value == null) {
            return null;
        }
        try {
            return deserializer.deserialize(record.topic(), value);
        } catch (SerializationException e) {
            throw new UnreadableRecord(value, e);
        }
    }

    /** A record the command's serde cannot read, carried out of the reader's callback. */
    private static final class UnreadableRecord extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient byte[] value;

        UnreadableRecord(byte[] value, SerializationException cause) {
            super(cause);
            this.value = value;
        }
    }
}
