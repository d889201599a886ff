package io.driftwatch.cli;

import io.driftwatch.cli.produce.ColumnOption;
import io.driftwatch.cli.produce.FileProducer;
import io.driftwatch.cli.produce.KafkaClientSettings;
import io.driftwatch.cli.produce.ProduceColumns;
import io.driftwatch.cli.produce.ProduceFailedException;
import io.driftwatch.cli.produce.ProduceOutcome;
import io.driftwatch.cli.produce.ProduceRequest;
import io.driftwatch.cli.produce.SchemaRegistration;
import io.driftwatch.cli.produce.ScoreColumns;
import io.driftwatch.schemas.registry.RegistrySettings;
import io.driftwatch.schemas.registry.SchemaRegistryClient;
import io.driftwatch.schemas.registry.SubjectNameStrategy;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.config.InputFormat;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.ConfigException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static io.driftwatch.cli.produce.ProduceColumns.DEFAULT_EVENT_TIME;
import static io.driftwatch.cli.produce.ProduceColumns.DEFAULT_LABEL;
import static io.driftwatch.cli.produce.ProduceColumns.DEFAULT_MODEL;
import static io.driftwatch.cli.produce.ProduceColumns.DEFAULT_PREDICTION;
import static io.driftwatch.cli.produce.ProduceColumns.DEFAULT_REQUEST_ID;
import static io.driftwatch.cli.produce.ProduceColumns.DEFAULT_VERSION;
import static java.util.Objects.requireNonNull;
import static picocli.CommandLine.Model.CommandSpec;

/**
 * {@code driftwatch produce}: writes a CSV or JSON Lines file to a topic as driftwatch's inference or label
 * records, in one of the three input formats, so a user can replay data into driftwatch (and tests and the
 * demo can feed it) without writing a producer.
 */
@Command(name = "produce",
        description = {"Write a CSV or JSON Lines file to a Kafka topic as driftwatch records, one per row, keyed by request id.",
                "Inference rows: the id, model, version, time and prediction columns fill those fields; every other column is"
                        + " a feature (a number as a double, true/false as a boolean, empty as missing, else a string);"
                        + " values are read as check reads them, so NaN or NA in a numeric column is missing.",
                "Times are epoch milliseconds or ISO-8601 (UTC when no offset is given). The whole file is checked before"
                        + " anything is sent; the topic is created if missing. acks=all and idempotence always hold.",
                "--topic defaults to the topic run reads: driftwatch.topic.inferences (or .labels) of --config.", ""},
        sortOptions = false,
        footer = {"", "Examples:",
                "  driftwatch produce --bootstrap-servers localhost:9092 --topic inferences --encoding json --model fraud"
                        + " --model-version v3 today.csv",
                "  driftwatch produce --bootstrap-servers localhost:9092 --topic inferences --encoding avro-registry"
                        + " --registry http://localhost:8081 --id-column id --prediction-column score scored.jsonl",
                "  driftwatch produce --bootstrap-servers localhost:9092 --topic inferences --encoding json --prediction-column predicted"
                        + " --score-column p_fraud --positive-class fraud scored.csv",
                "  driftwatch produce --bootstrap-servers localhost:9092 --topic labels --encoding json --kind labels --model fraud labels.csv",
                "  driftwatch produce --config driftwatch.properties --encoding avro-single --rate 500 replay.csv"})
public final class ProduceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaClientOptions kafka = new KafkaClientOptions();

    @Option(names = "--producer-config", paramLabel = "FILE", hidden = true, description = "Deprecated: --config.")
    private @Nullable Path producerConfigAlias;

    @Option(names = "--topic", paramLabel = "TOPIC",
            description = "Topic to write; created if missing (default: driftwatch.topic.inferences, or driftwatch.topic.labels"
                    + " with --kind labels, of --config).")
    private @Nullable String topic;

    @Option(names = "--encoding", paramLabel = "avro-registry|avro-single|json", converter = FormatConverter.class,
            description = "Record encoding (required): Confluent-framed Avro with a schema registry, Avro single-object"
                    + " encoding, or JSON.")
    private @Nullable InputFormat encoding;

    @Option(names = "--format", paramLabel = "ENCODING", hidden = true, converter = FormatConverter.class,
            description = "Deprecated: --encoding.")
    private @Nullable InputFormat formatAlias;

    @Option(names = "--registry", paramLabel = "URL",
            description = "Schema registry for avro-registry; the schema is registered there (user:password@ in the URL is basic auth).")
    private @Nullable String registryUrl;

    @Option(names = "--subject-strategy", paramLabel = "topic|record|topic-record", converter = SubjectConverter.class,
            description = "Subject the schema is registered under, as the topic's readers name it (default: topic, i.e. TOPIC-value).")
    private SubjectNameStrategy subjectStrategy = SubjectNameStrategy.TOPIC;

    @Option(names = "--kind", paramLabel = "inferences|labels",
            description = "What each row is: an inference (the default), or a label (request id, model, label, time).")
    private @Nullable RecordKind kind;

    @Option(names = "--labels", hidden = true, description = "Deprecated: --kind labels.")
    private boolean labelsAlias;

    @Option(names = "--model", paramLabel = "NAME", description = "Model name of every row; wins over the model column.")
    private @Nullable String model;

    @Option(names = "--model-version", paramLabel = "V", description = "Model version of every row; wins over the version column.")
    private @Nullable String modelVersion;

    @Option(names = "--version", paramLabel = "V", hidden = true, description = "Deprecated: --model-version.")
    private @Nullable String versionAlias;

    @Option(names = "--id-column", paramLabel = "C",
            description = "Request ids (default: " + DEFAULT_REQUEST_ID + "; without it ids are FILE-ROW, e.g. today-1).")
    private @Nullable String idColumn;

    @Option(names = "--model-column", paramLabel = "C", description = "Model names (default: " + DEFAULT_MODEL + ").")
    private @Nullable String modelColumn;

    @Option(names = "--version-column", paramLabel = "C", description = "Model versions (default: " + DEFAULT_VERSION + ").")
    private @Nullable String versionColumn;

    @Option(names = "--time-column", paramLabel = "C",
            description = "Event times (default: " + DEFAULT_EVENT_TIME + "; without it: now, 1 ms apart per row).")
    private @Nullable String timeColumn;

    @Option(names = "--prediction-column", paramLabel = "C", description = "Predictions (default: " + DEFAULT_PREDICTION + ").")
    private @Nullable String predictionColumn;

    @Option(names = "--label-column", paramLabel = "C", description = "Labels, with --kind labels (default: " + DEFAULT_LABEL + ").")
    private @Nullable String labelColumn;

    @Option(names = "--score-column", paramLabel = "[CLASS=]C",
            description = "Class scores (classScores): CLASS=C per class, repeated; or one C alone, a binary model's"
                    + " probability of its positive class. A row with a score missing is sent without scores.")
    private List<String> scoreColumns = new ArrayList<>();

    @Option(names = "--positive-class", paramLabel = "CLASS",
            description = "The class a lone --score-column is the probability of (default: 1 when the predictions are"
                    + " 0/1, true when true/false; named classes need it).")
    private @Nullable String positiveClass;

    @Option(names = "--rate", paramLabel = "RECORDS_PER_SECOND", description = "Send at most this many records a second (default: as fast as possible).")
    private @Nullable Double rate;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the topic when it is created (default: ${DEFAULT-VALUE}).")
    private int partitions = 1;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    @SuppressWarnings("UnusedVariable") // picocli reads a usageHelp option itself: it prints the help and exits
    private boolean help;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV with a header line, JSON Lines (.jsonl/.ndjson/.json), either gzipped (.gz), or Parquet.")
    private Path file = Path.of("");

    @Override
    public Integer call() throws BadInputException, InterruptedException {
        if (rate != null && !(rate > 0)) {
            throw new BadInputException("--rate must be a positive number of records a second, was " + rate);
        }
        if (partitions < 1) {
            throw new BadInputException("--partitions must be at least 1, was " + partitions);
        }
        kafka.acceptDeprecatedConfig(spec, "--producer-config", producerConfigAlias);
        InputFormat chosenEncoding = DeprecatedOption.resolve(spec, "--encoding", encoding, "--format", formatAlias);
        if (chosenEncoding == null) {
            throw new BadInputException("--encoding is required: avro-registry, avro-single or json, as the topic's readers"
                    + " (driftwatch.input.format of run) decode it");
        }
        RecordKind chosenKind = DeprecatedOption.resolve(spec, "--kind", kind, "--labels", labelsAlias ? RecordKind.LABELS : null);
        boolean writeLabels = chosenKind == RecordKind.LABELS;
        DriftwatchConfig config = kafka.driftwatchConfig();
        String chosenTopic = topic != null ? topic
                : config.topic(writeLabels ? DriftwatchConfig.LABELS_TOPIC_CONFIG : DriftwatchConfig.INFERENCES_TOPIC_CONFIG);
        ProduceRequest request = new ProduceRequest(file, chosenTopic, partitions, chosenEncoding, writeLabels,
                columns(), rate);
        String bootstrapServers = (String) requireNonNull(config.kafkaSettings().get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG),
                "the configuration requires bootstrap.servers");
        KafkaClientSettings clientSettings = KafkaClientSettings.of(bootstrapServers, config.kafkaSettings());
        try {
            ProduceOutcome outcome = new FileProducer(clientSettings, registration(chosenEncoding), Clock.systemUTC())
                    .produce(request);
            spec.commandLine().getOut().println(outcome.summary());
            spec.commandLine().getOut().flush();
            if (outcome.failed() > 0) {
                spec.commandLine().getErr().println("driftwatch: " + outcome.failure());
                return ExitCode.FAILURE;
            }
            return ExitCode.OK;
        } catch (ProduceFailedException e) {
            spec.commandLine().getErr().println("driftwatch: " + e.getMessage());
            return ExitCode.FAILURE;
        }
    }

    private ProduceColumns columns() throws BadInputException {
        return new ProduceColumns(ColumnOption.of("--id-column", idColumn, DEFAULT_REQUEST_ID),
                ColumnOption.of("--model-column", modelColumn, DEFAULT_MODEL),
                ColumnOption.of("--version-column", versionColumn, DEFAULT_VERSION),
                ColumnOption.of("--time-column", timeColumn, DEFAULT_EVENT_TIME),
                ColumnOption.of("--prediction-column", predictionColumn, DEFAULT_PREDICTION),
                ColumnOption.of("--label-column", labelColumn, DEFAULT_LABEL),
                model, DeprecatedOption.resolve(spec, "--model-version", modelVersion, "--version", versionAlias),
                ScoreColumns.parse(scoreColumns), positiveClass);
    }

    private @Nullable SchemaRegistration registration(InputFormat chosenEncoding) throws BadInputException {
        if (registryUrl == null || chosenEncoding != InputFormat.AVRO_REGISTRY) {
            return null;
        }
        try {
            return new SchemaRegistration(new SchemaRegistryClient(RegistrySettings.builder(registryUrl).build()), subjectStrategy);
        } catch (ConfigException e) {
            throw new BadInputException("--registry: " + e.getMessage(), e);
        }
    }

    /** What {@code produce} writes: the rows of a file are either all inferences or all labels. */
    enum RecordKind { INFERENCES, LABELS }

    /** Reads {@code avro-registry}, {@code avro-single} or {@code json}. */
    static final class FormatConverter implements ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            try {
                return InputFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads {@code topic}, {@code record}, {@code topic-record} or a Confluent strategy class name. */
    static final class SubjectConverter implements ITypeConverter<SubjectNameStrategy> {
        @Override
        public SubjectNameStrategy convert(String value) {
            try {
                return SubjectNameStrategy.parse("--subject-strategy", value);
            } catch (ConfigException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
