package io.driftwatch.cli.reports;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.cli.KafkaClientOptions;
import io.driftwatch.cli.report.ReportOutput;
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

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

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

    @Option(names = "--format", paramLabel = "table|json|html", defaultValue = "table",
            description = "table (default): aligned columns for a person; json: one object per line (docs/reports.md);"
                    + " html (reports drift): the latest matching window of one model version as a page with a chart per column.")
    private ReportFormat format = ReportFormat.TABLE;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    private @Nullable Path output;

    private final ReportKind<V> kind;
    private final String holds;
    private final ShutdownHooks hooks;

    /** @param holds what the topic holds, in the plural, for messages ("drift reports") */
    TopicReportCommand(ReportKind<V> kind, String holds, ShutdownHooks hooks) {
        this.kind = kind;
        this.holds = holds;
        this.hooks = hooks;
    }

    /**
     * The page {@code --format html} draws of the records that matched; only {@code reports drift} draws one, and says
     * which window it chose.
     *
     * @throws BadInputException when the records cannot make one page (none, or several model versions)
     */
    String page(LatestMatch<V> matching, String topicName, DriftwatchConfig config) throws BadInputException {
        throw new UnsupportedOperationException(holds + " draw no page");
    }

    /** Whether {@link #page} draws pages; the others refuse {@code --format html} before reading anything. */
    boolean drawsPages() {
        return false;
    }

    @Override
    public Integer call() throws BadInputException {
        ReportFilter filter = filter(Instant.now());
        if (format == ReportFormat.HTML && !drawsPages()) {
            throw new BadInputException("--format html draws one drift report as a page (driftwatch reports drift); "
                    + holds + " print as --format table or json");
        }
        if (format == ReportFormat.HTML && follow) {
            throw new BadInputException("--format html draws one window's page and cannot --follow; drop --follow");
        }
        DriftwatchConfig config = kafka.driftwatchConfig();
        String topicName = topic != null ? topic : kind.topic().name(config);
        try (CommittedTopicReader reader = CommittedTopicReader.open(config.kafkaSettings(), topicName, null)) {
            if (format == ReportFormat.HTML) {
                LatestMatch<V> matching = new LatestMatch<>(kind);
                readMatching(reader, filter, matching::accept, () -> { });
                ReportOutput.write(page(matching, reader.topic(), config), output, spec.commandLine().getOut());
            } else if (output == null) {
                read(reader, filter, spec.commandLine().getOut());
            } else {
                try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
                    read(reader, filter, file);
                } catch (IOException e) {
                    throw new BadInputException("cannot write to " + output + " (" + e.getMessage()
                            + "); give --output a file in a writable folder", e);
                }
            }
        } catch (TimeoutException e) {
            // Kafka's fault or the network's, not the input's nor ours: one line saying what to check, exit 3.
            spec.commandLine().getErr().println("driftwatch: Kafka at " + config.kafkaSettings().get("bootstrap.servers")
                    + " did not answer reading " + topicName + " (" + e.getMessage() + "); is it running, and are"
                    + " --bootstrap-servers and the security settings of --config right?");
            return ExitCode.FAILURE;
        }
        return ExitCode.OK;
    }

    private void read(CommittedTopicReader reader, ReportFilter filter, PrintWriter out) throws BadInputException {
        ReportPrinter<V> printer = new ReportPrinter<>(kind, format, follow, out);
        try {
            readMatching(reader, filter, printer::print, printer::batchEnded);
            printer.finish(reader.topic());
        } finally {
            out.flush();
        }
    }

    private void readMatching(CommittedTopicReader reader, ReportFilter filter, Consumer<V> matched, Runnable batchEnded)
            throws BadInputException {
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
                    matched.accept(value);
                }
            }, batchEnded);
        } catch (UnreadableRecord e) {
            throw new BadInputException(TopicContents.wrongTopic(reader.topic(), e.value, holds), e);
        } finally {
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
