package io.driftwatch.app;

import io.driftwatch.app.produce.ColumnOption;
import io.driftwatch.app.produce.FileProducer;
import io.driftwatch.app.produce.KafkaClientSettings;
import io.driftwatch.app.produce.ProduceColumns;
import io.driftwatch.app.produce.ProduceFailedException;
import io.driftwatch.app.produce.ProduceOutcome;
import io.driftwatch.app.produce.ProduceRequest;
import io.driftwatch.app.produce.SchemaRegistration;
import io.driftwatch.app.produce.ScoreColumns;
import io.driftwatch.app.tabular.BadInputException;
import io.driftwatch.schemas.registry.RegistrySettings;
import io.driftwatch.schemas.registry.SchemaRegistryClient;
import io.driftwatch.schemas.registry.SubjectNameStrategy;
import io.driftwatch.topology.config.InputFormat;
import org.apache.kafka.common.config.ConfigException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static io.driftwatch.app.produce.ProduceColumns.DEFAULT_EVENT_TIME;
import static io.driftwatch.app.produce.ProduceColumns.DEFAULT_LABEL;
import static io.driftwatch.app.produce.ProduceColumns.DEFAULT_MODEL;
import static io.driftwatch.app.produce.ProduceColumns.DEFAULT_PREDICTION;
import static io.driftwatch.app.produce.ProduceColumns.DEFAULT_REQUEST_ID;
import static io.driftwatch.app.produce.ProduceColumns.DEFAULT_VERSION;
import static picocli.CommandLine.Model.CommandSpec;

/**
 * {@code driftwatch produce}: writes a CSV or JSON Lines file to a topic as driftwatch's inference or label
 * records, in one of the three input formats, so a user can replay data into driftwatch (and tests and the
 * demo can feed it) without writing a producer.
 */
@Command(name = "produce",
        description = {"Write a CSV or JSON Lines file to a Kafka topic as driftwatch records, one per row, keyed by request id.",
                "Inference rows: the id, model, version, time and prediction columns fill those fields; every other column is"
                        + " a feature (a number as a double, true/false as a boolean, empty as missing, else a string).",
                "Times are epoch milliseconds or ISO-8601 (UTC when no offset is given). The whole file is checked before"
                        + " anything is sent; the topic is created if missing. acks=all and idempotence always hold.", ""},
        sortOptions = false,
        footer = {"", "Examples:",
                "  driftwatch produce --bootstrap-servers localhost:9092 --topic inferences --format json --model fraud --version v3 today.csv",
                "  driftwatch produce --bootstrap-servers localhost:9092 --topic inferences --format avro-registry"
                        + " --registry http://localhost:8081 --id-column id --prediction-column score scored.jsonl",
                "  driftwatch produce --bootstrap-servers localhost:9092 --topic inferences --format json --prediction-column predicted"
                        + " --score-column p_fraud --positive-class fraud scored.csv",
                "  driftwatch produce --bootstrap-servers localhost:9092 --topic labels --format json --labels --model fraud labels.csv",
                "  driftwatch produce --bootstrap-servers broker:9093 --producer-config client-sasl.properties --topic inferences"
                        + " --format avro-single --rate 500 replay.csv"})
public final class ProduceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT", description = "Kafka brokers to connect to.")
    private String bootstrapServers = "";

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "Topic to write; created if missing.")
    private String topic = "";

    @Option(names = "--format", required = true, paramLabel = "avro-registry|avro-single|json", converter = FormatConverter.class,
            description = "Record encoding: Confluent-framed Avro with a schema registry, Avro single-object encoding, or JSON.")
    private InputFormat format = InputFormat.JSON;

    @Option(names = "--registry", paramLabel = "URL",
            description = "Schema registry for avro-registry; the schema is registered there (user:password@ in the URL is basic auth).")
    private @Nullable String registryUrl;

    @Option(names = "--subject-strategy", paramLabel = "topic|record|topic-record", converter = SubjectConverter.class,
            description = "Subject the schema is registered under, as the topic's readers name it (default: topic, i.e. TOPIC-value).")
    private SubjectNameStrategy subjectStrategy = SubjectNameStrategy.TOPIC;

    @Option(names = "--labels", description = "Write labels (request id, model, label, time) instead of inferences.")
    private boolean labels;

    @Option(names = "--model", paramLabel = "NAME", description = "Model name of every row; wins over the model column.")
    private @Nullable String model;

    @Option(names = "--version", paramLabel = "V", description = "Model version of every row; wins over the version column.")
    private @Nullable String version;

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

    @Option(names = "--label-column", paramLabel = "C", description = "Labels, with --labels (default: " + DEFAULT_LABEL + ").")
    private @Nullable String labelColumn;

    @Option(names = "--score-column", paramLabel = "[CLASS=]C",
            description = "Class scores (classScores): CLASS=C per class, repeated; or one C alone, a binary model's"
                    + " probability of its positive class. A row with a score missing is sent without scores.")
    private List<String> scoreColumns = new ArrayList<>();

    @Option(names = "--positive-class", paramLabel = "CLASS",
            description = "The class a lone --score-column is the probability of (default: 1 when the predictions are"
                    + " 0/1, true when true/false; named classes need it).")
    private @Nullable String positiveClass;

    @Option(names = "--producer-config", paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*, tuning), passed to the producer and admin client.")
    private @Nullable Path producerConfig;

    @Option(names = "--rate", paramLabel = "RECORDS_PER_SECOND", description = "Send at most this many records a second (default: as fast as possible).")
    private @Nullable Double rate;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the topic when it is created (default: ${DEFAULT-VALUE}).")
    private int partitions = 1;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV with a header line, or JSON Lines (.jsonl/.ndjson/.json).")
    private Path file = Path.of("");

    @Override
    public Integer call() throws BadInputException, InterruptedException {
        if (rate != null && !(rate > 0)) {
            throw new BadInputException("--rate must be a positive number of records a second, was " + rate);
        }
        if (partitions < 1) {
            throw new BadInputException("--partitions must be at least 1, was " + partitions);
        }
        KafkaClientSettings kafka = KafkaClientSettings.load(bootstrapServers, producerConfig);
        ProduceRequest request = new ProduceRequest(file, topic, partitions, format, labels, columns(), rate);
        try {
            ProduceOutcome outcome = new FileProducer(kafka, registration(), Clock.systemUTC()).produce(request);
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
                model, version, ScoreColumns.parse(scoreColumns), positiveClass);
    }

    private @Nullable SchemaRegistration registration() throws BadInputException {
        if (registryUrl == null || format != InputFormat.AVRO_REGISTRY) {
            return null;
        }
        try {
            return new SchemaRegistration(new SchemaRegistryClient(RegistrySettings.builder(registryUrl).build()), subjectStrategy);
        } catch (ConfigException e) {
            throw new BadInputException("--registry: " + e.getMessage(), e);
        }
    }

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
