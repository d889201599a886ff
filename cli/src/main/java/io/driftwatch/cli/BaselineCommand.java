package io.driftwatch.cli;

import io.driftwatch.cli.baseline.BaselineJson;
import io.driftwatch.cli.baseline.BaselinePublisher;
import io.driftwatch.cli.baseline.BaselineRecords;
import io.driftwatch.cli.baseline.BaselineSummary;
import io.driftwatch.cli.baseline.EstimationSummary;
import io.driftwatch.cli.baseline.LabelledFileQuality;
import io.driftwatch.cli.baseline.OutcomeColumns;
import io.driftwatch.cli.baseline.PublishException;
import io.driftwatch.cli.baseline.StoredReconstruction;
import io.driftwatch.cli.chunk.Chunker;
import io.driftwatch.cli.estimate.MulticlassReferenceFit;
import io.driftwatch.cli.estimate.ReferenceFit;
import io.driftwatch.cli.produce.ProduceColumns;
import io.driftwatch.cli.produce.ScoreColumns;
import io.driftwatch.cli.quality.QualityRequest;
import io.driftwatch.cli.tabular.Table;
import io.driftwatch.cli.tabular.TableReader;
import io.driftwatch.policy.EffectivePolicy;
import io.driftwatch.policy.PolicyComparison;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.schemas.format.RecordEncoders;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineEstimation;
import io.driftwatch.stats.baseline.BaselineBuilder;
import io.driftwatch.stats.baseline.BaselineSettings;
import io.driftwatch.stats.baseline.TrainingBaseline;
import io.driftwatch.stats.calibration.CalibrationPlan;
import io.driftwatch.stats.calibration.CalibrationTargets;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.estimate.CbpeModel;
import io.driftwatch.stats.estimate.MulticlassCbpeModel;
import io.driftwatch.stats.estimate.MulticlassCbpeReference;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.quality.ClassName;
import io.driftwatch.stats.quality.OutcomeChoices;
import io.driftwatch.stats.quality.OutcomeTyping;
import io.driftwatch.stats.quality.QualitySummary;
import io.driftwatch.stats.quality.TaskChoice;
import io.driftwatch.topics.TopicSpec;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.estimate.BaselineEstimations;
import io.driftwatch.topology.estimate.MulticlassBaselineEstimations;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import static picocli.CommandLine.Model.CommandSpec;

/**
 * {@code driftwatch baseline}: turns a model version's training file into the baseline its production
 * windows are compared with (profiles, skew facts, calibrated thresholds, with {@code --labels} the model's
 * quality on the file, the reference of the {@code quality_drop} rule, with {@code --estimate-performance} the
 * CBPE fit the stream estimates windows from, and with {@code --multivariate pca} the PCA reconstruction fit the stream
 * scores every inference with), writes it to a file and publishes it to the compacted baselines topic, keyed
 * {@code model/version}.
 */
@Command(mixinStandardHelpOptions = true, name = "baseline",
        description = {"Build a model version's training baseline and publish it to Kafka.", "Per column: a "
                + "mergeable profile, the facts a skew check needs (missing rate, range, categories), and the "
                + "default test's threshold calibrated on the training data: each of K chunks is compared with "
                + "the rest of the column, and the threshold is the mean + 3 sd of those statistics; with --policy, also "
                + "every test the policy marks 'threshold: calibrated' on its columns.", "With --labels, "
                + "also the model's quality on the labelled rows, the reference the quality_drop rule compares windows with.",
                "With --estimate-performance, also the fit of CBPE (NannyML's confidence-based performance estimation)"
                + " on the labelled rows of a binary or multiclass model, from which the stream estimates each window's performance"
                + " before its labels arrive.",
                "With --multivariate pca, also NannyML's PCA reconstruction fit on the file's features and the mean"
                + " errors of its chunks, with which the stream scores every inference and judges each window's"
                + " multivariate drift.", ""},
        sortOptions = false,
        footer = {"", "Examples:",
                "  driftwatch baseline --model fraud --model-version 3 --input train.csv \\",
                "      --output fraud-3.json",
                "  driftwatch baseline --model fraud --model-version 3 --input train.csv \\",
                "      --bootstrap-servers localhost:9092",
                "  driftwatch baseline --model fraud --model-version 3 --input train.jsonl \\",
                "      --config client.properties --calibration-chunk-rows 5000 \\",
                "      --column-type zip=categorical",
                "  driftwatch baseline --model fraud --model-version 3 --input train.csv \\",
                "      --no-calibrate --output fraud-3.avro",
                "  driftwatch baseline --model fraud --model-version 3 --input validation.csv \\",
                "      --labels is_fraud --prediction-column predicted \\",
                "      --score-column 1=p_fraud --score-column 0=p_legit \\",
                "      --bootstrap-servers localhost:9092",
                "  driftwatch baseline --model credit --model-version v2 --input train.csv \\",
                "      --policy fleet.yaml --policy credit.yaml --output credit-v2.json",
                "  driftwatch baseline --model churn --model-version 2 --input validation.csv \\",
                "      --labels churned --score-column p_churn --positive-class yes",
                "  driftwatch baseline --model churn --model-version 2 --input validation.csv \\",
                "      --labels churned --prediction-column predicted --score-column p_churn \\",
                "      --estimate-performance --estimate-chunk-rows 500 --output churn-2.json",
                "  driftwatch baseline --model fraud --model-version 3 --input train.csv \\",
                "      --multivariate pca --multivariate-chunk-rows 2000 --output fraud-3.json"})
public final class BaselineCommand implements Callable<Integer> {
    /** How long topic creation and the acknowledgement of the baseline may take. */
    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    @SuppressWarnings("UnusedVariable") // picocli reads a usageHelp option itself: it prints the help and exits
    private boolean help;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "Model name, as in the inference logs.")
    @SuppressWarnings("NullAway.Init") // a required option: picocli sets it before call() runs
    private String model;

    @Option(names = "--model-version", paramLabel = "VERSION", description = "Model version, as in the inference logs (required).")
    private @Nullable String modelVersion;

    @Option(names = "--version", paramLabel = "VERSION", hidden = true, description = "Deprecated: --model-version.")
    private @Nullable String versionAlias;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "Training data: CSV with a header line, JSON Lines (.jsonl/.ndjson/.json), either gzipped (.gz), or Parquet.")
    @SuppressWarnings("NullAway.Init") // a required option: picocli sets it before call() runs
    private Path input;

    @Mixin
    private KafkaClientOptions kafka = new KafkaClientOptions();

    @Option(names = "--producer-config", paramLabel = "FILE", hidden = true, description = "Deprecated: --config.")
    private @Nullable Path producerConfigAlias;

    @Option(names = "--topic", paramLabel = "TOPIC",
            description = "Compacted baselines topic, created if missing (default: driftwatch.topic.baselines of --config, "
                    + "else driftwatch.baselines). Without Kafka (--bootstrap-servers, or bootstrap.servers of --config),"
                    + " nothing is published; acks=all and idempotence are always on.")
    private @Nullable String topic;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Also write the baseline to FILE: JSON for people when it ends in .json, else single-object Avro (as on the topic).")
    private @Nullable Path output;

    @Mixin
    private ColumnTypeOptions columnTypes = new ColumnTypeOptions();

    @Mixin
    private PolicyOptions policies = new PolicyOptions();

    @Mixin
    private EstimationOptions estimation = new EstimationOptions();

    @Mixin
    private BaselineMultivariateOptions multivariate = new BaselineMultivariateOptions();

    @Option(names = "--labels", paramLabel = "LABEL_COLUMN",
            description = "Column of the true labels: also record the model's quality on this file (the metrics of the "
                    + "stream's quality reports), the reference of the quality_drop rule. Only rows with both a label and "
                    + "a prediction count. The column is not profiled.")
    private @Nullable String labelColumn;

    @Option(names = "--prediction-column", paramLabel = "COLUMN",
            description = "Column of the model's predictions (default with --labels: " + ProduceColumns.DEFAULT_PREDICTION
                    + "). Profiled as the prediction, as the stream profiles it, not as a feature.")
    private @Nullable String predictionColumn;

    @Option(names = "--score-column", paramLabel = "[CLASS=]COLUMN",
            description = "Column of one class's score or probability, as the model logs classScores; repeat for every "
                    + "class. One COLUMN without CLASS= is a binary model's probability of its positive class "
                    + "(--positive-class). Gives ROC AUC and log loss with --labels. Not profiled.")
    private List<String> scoreColumns = new ArrayList<>();

    @Option(names = "--positive-class", paramLabel = "CLASS",
            description = "The class a lone probability is of: one --score-column without CLASS=, or a prediction column"
                    + " of probabilities beside labels 0/1 or true/false (default: 1 for labels 0/1, true for true/false;"
                    + " two named classes need it).")
    private @Nullable String positiveClass;

    @Option(names = "--task", paramLabel = "auto|classification|regression", converter = TaskConverter.class,
            description = "What the model is, for --labels: auto decides per row (class names, class scores, two whole"
                    + " numbers, or a label 0/1 with a probability make a classification; other numbers a regression)"
                    + " (default: ${DEFAULT-VALUE}). Set it as driftwatch.quality.task of the stream.")
    private TaskChoice task = TaskChoice.AUTO;

    @Option(names = "--calibrate", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Calibrate each column's default-test threshold on the training data (default: ${DEFAULT-VALUE}).")
    private boolean calibrate;

    @Option(names = "--calibration-chunks", paramLabel = "K",
            description = "Chunks of each training column for calibration, at least " + CalibrationPlan.MIN_CHUNKS
                    + " (default: " + CalibrationPlan.DEFAULT_CHUNKS + ").")
    private @Nullable Integer calibrationChunks;

    @Option(names = "--chunks", paramLabel = "K", hidden = true, description = "Deprecated: --calibration-chunks.")
    private @Nullable Integer chunksAlias;

    @Option(names = "--calibration-chunk-rows", paramLabel = "N",
            description = "Values per calibration chunk: the number of records in a typical window (default: K equal chunks).")
    private @Nullable Integer calibrationChunkRows;

    @Option(names = "--chunk-rows", paramLabel = "N", hidden = true, description = "Deprecated: --calibration-chunk-rows.")
    private @Nullable Integer chunkRowsAlias;

    @Option(names = "--exact-values", paramLabel = "N",
            description = "Raw values kept per numeric column, so that windows held exactly are tested exactly against"
                    + " the training data; a column with more keeps a quantile sketch (default: ${DEFAULT-VALUE}).")
    private int exactValues = BaselineSettings.DEFAULT_EXACT_VALUES;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws BadInputException, PublishException {
        PrintWriter out = spec.commandLine().getOut();
        requireNonBlank("--model", model);
        String version = DeprecatedOption.resolve(spec, "--model-version", modelVersion, "--version", versionAlias);
        if (version == null) {
            throw new BadInputException("--model-version is required: the model version, as in the inference logs");
        }
        requireNonBlank("--model-version", version);
        Optional<EffectivePolicy> policy;
        try {
            policy = policies.effective(model, Optional.of(version));
        } catch (PolicyException e) {
            return PolicyOptions.report(e, spec.commandLine().getErr());
        }
        BaselineSettings settings = BaselineSettings.defaults().withCalibration(calibrate, plan())
                .withExactValues(exactValues())
                .withTargets(policy.map(PolicyComparison::calibrationTargets).orElse(CalibrationTargets.NONE));
        kafka.acceptDeprecatedConfig(spec, "--producer-config", producerConfigAlias);
        boolean publish = kafka.hasBootstrapServers();
        Optional<Chunker> estimationChunks = estimation.chunker(labelColumn, scoreColumns, task);
        Optional<Chunker> multivariateChunks = multivariate.chunker();
        Table table = read(policy);
        TrainingBaseline baseline = build(settings, policy, table);
        StoredFit estimated = estimationChunks.isEmpty() ? null
                : estimate(estimationRequest(policy), estimationChunks.get(), baseline.rows(),
                EstimationOptions.describe(estimationChunks.get()));
        StoredReconstruction reconstruction = multivariateChunks.isEmpty() ? null
                : StoredReconstruction.fit(input, table, notFeatures(), multivariateChunks.get(),
                BaselineMultivariateOptions.describe(multivariateChunks.get()));
        Baseline record = BaselineRecords.toRecord(baseline, estimated == null ? null : estimated.record(),
                reconstruction == null ? null : reconstruction.record(), model, version,
                input.getFileName().toString(), clock.instant());
        out.print(BaselineSummary.render(record, baseline, (estimated == null ? "" : estimated.summary())
                + (reconstruction == null ? "" : reconstruction.summary())));
        if (output != null) {
            write(record, output);
            out.println("Wrote " + output);
        }
        if (!publish) {
            out.println("Not published: no --bootstrap-servers given" + (output == null ? "; nothing was written either"
                    + " (pass --output FILE to keep it)" : ""));
        } else {
            DriftwatchConfig config = kafka.driftwatchConfig();
            String name = topic != null ? topic : Topics.BASELINES.name(config);
            TopicSpec spec = Topics.BASELINES.spec(config, name);
            BaselinePublisher.Published published = new BaselinePublisher(config.kafkaSettings(), PUBLISH_TIMEOUT)
                    .publish(spec, record);
            out.printf(Locale.ROOT, "Published to %s (partition %d, offset %d), key %s%n", published.topic(),
                    published.partition(), published.offset(), BaselineRecords.topicKey(model, version));
        }
        out.flush();
        return 0;
    }

    /** The input with the declared types, excluded columns left out, saying which were left out or not profiled. */
    private Table read(Optional<EffectivePolicy> policy) throws BadInputException {
        Map<String, ColumnType> types = new HashMap<>();
        policy.ifPresent(effective -> types.putAll(PolicyComparison.declaredTypes(effective)));
        types.putAll(columnTypes.columnTypes());
        Set<String> excluded = policies.excludedColumns(policy);
        Table table = new TableReader(types, excluded).read(input);
        if (!excluded.isEmpty()) {
            spec.commandLine().getOut().println("Excluded (not features, not read): " + String.join(", ", excluded));
        }
        table.notComparable().forEach((field, reason) -> spec.commandLine().getOut()
                .println("Not profiled: field '" + field + "' " + reason));
        return table;
    }

    /** Profiles every column but the label and scores (the prediction as the prediction), and the quality with --labels. */
    private TrainingBaseline build(BaselineSettings settings, Optional<EffectivePolicy> policy, Table table)
            throws BadInputException {
        OutcomeColumns outcomes = outcomeColumns();
        if (outcomes == null) {
            return new BaselineBuilder(settings).build(table.rows(), table.columns());
        }
        outcomes.requireIn(input, table.columns().keySet());
        Map<String, ColumnData> profiled = outcomes.profiled(table.columns());
        String summaryClass = positiveClass != null ? positiveClass
                : policy.map(effective -> effective.policy().outcome().choices().positiveClass()).orElse(null);
        QualitySummary quality = outcomes.label() == null ? null
                : LabelledFileQuality.read(input, outcomes, new OutcomeTyping(task, positiveClass),
                        summaryClass == null ? null : ClassName.ofTyped(summaryClass));
        return new BaselineBuilder(settings).build(table.rows(), profiled, quality);
    }

    /**
     * What CBPE is fitted with, read as {@code check} reads it: the outcome columns, the positive class
     * ({@code --positive-class}, else the policy's outcome.positive_class, else the one the labels imply) and the
     * policy's business value, whose thresholds the summary shows.
     */
    private QualityRequest estimationRequest(Optional<EffectivePolicy> policy) throws BadInputException {
        OutcomeChoices outcome = policy.map(effective -> effective.policy().outcome().choices())
                .orElse(OutcomeChoices.IMPLIED);
        return new QualityRequest(Objects.requireNonNull(outcomeColumns(), "outcome columns"),
                positiveClass != null ? positiveClass : outcome.positiveClass(), outcome.businessValue());
    }

    /**
     * CBPE fitted on the input cut by {@code chunker}, by the one fit {@code check --estimate-performance} makes, with
     * the request's business value.
     */
    private StoredFit estimate(QualityRequest request, Chunker chunker, long rows, String chunking)
            throws BadInputException {
        if (chunker instanceof Chunker.Count count && rows < count.count()) {
            throw new BadInputException("--estimate-chunks " + count.count() + ": " + input + " has " + rows
                    + " rows, fewer than the chunks asked for; give at most " + rows + " chunks");
        }
        if (MulticlassReferenceFit.applies(request)) {
            MulticlassCbpeReference fit = MulticlassReferenceFit.fit(request, input, chunker.layout(input, rows, null));
            return new StoredFit(MulticlassBaselineEstimations.toRecord(fit),
                    EstimationSummary.render(new MulticlassCbpeModel(fit), chunking));
        }
        CbpeModel fit = ReferenceFit.model(ReferenceFit.fit(request, input, chunker.layout(input, rows, null)), request);
        return new StoredFit(BaselineEstimations.toRecord(fit.reference()), EstimationSummary.render(fit, chunking));
    }

    /**
     * The columns that are not the model's inputs, left out of the multivariate fit: the prediction, the label and the
     * scores, as {@code check --labels} leaves them out; none without outcome options, as {@code check} without
     * {@code --labels}.
     */
    private Set<String> notFeatures() throws BadInputException {
        OutcomeColumns outcomes = outcomeColumns();
        if (outcomes == null) {
            return Set.of();
        }
        Set<String> columns = new LinkedHashSet<>(outcomes.scores().columns());
        columns.add(outcomes.prediction());
        String label = outcomes.label();
        if (label != null) {
            columns.add(label);
        }
        return columns;
    }

    /** The CBPE fit as the baseline stores it, and the lines printed about it. */
    private record StoredFit(BaselineEstimation record, String summary) {
    }

    /** The prediction, score and label columns the options name; null when they name none. */
    private @Nullable OutcomeColumns outcomeColumns() throws BadInputException {
        ScoreColumns scores = ScoreColumns.parse(scoreColumns);
        if (labelColumn == null && predictionColumn == null && scores.isEmpty()) {
            return null;
        }
        if (predictionColumn == null && labelColumn == null) {
            throw new BadInputException("--score-column needs --labels or --prediction-column: class scores are"
                    + " read beside a prediction");
        }
        return new OutcomeColumns(predictionColumn != null ? predictionColumn : ProduceColumns.DEFAULT_PREDICTION,
                labelColumn, scores);
    }

    private int exactValues() throws BadInputException {
        if (exactValues < 0 || exactValues > NumericProfileConfig.MAX_EXACT_VALUE_CAP) {
            throw new BadInputException("--exact-values " + exactValues + ": give 0 to " + NumericProfileConfig.MAX_EXACT_VALUE_CAP
                    + " raw values per numeric column");
        }
        return exactValues;
    }

    private CalibrationPlan plan() throws BadInputException {
        Integer givenChunks = DeprecatedOption.resolve(spec, "--calibration-chunks", calibrationChunks, "--chunks", chunksAlias);
        Integer rows = DeprecatedOption.resolve(spec, "--calibration-chunk-rows", calibrationChunkRows, "--chunk-rows", chunkRowsAlias);
        int k = givenChunks == null ? CalibrationPlan.DEFAULT_CHUNKS : givenChunks;
        try {
            return new CalibrationPlan(k, rows == null ? CalibrationPlan.EQUAL_SPLIT : rows, CalibrationPlan.DEFAULT_SEED);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--calibration-chunks " + k + (rows == null ? "" : " --calibration-chunk-rows " + rows)
                    + ": " + e.getMessage(), e);
        }
    }

    private static void write(Baseline record, Path file) throws BadInputException {
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        try {
            if (json) {
                Files.writeString(file, BaselineJson.render(record) + System.lineSeparator());
            } else {
                Files.write(file, RecordEncoders.singleObject(record));
            }
        } catch (IOException e) {
            throw new BadInputException("cannot write --output " + file + ": " + e + "; check that its directory exists"
                    + " and is writable", e);
        }
    }

    /** Reads {@code auto}, {@code classification} or {@code regression}. */
    static final class TaskConverter implements ITypeConverter<TaskChoice> {
        @Override
        public TaskChoice convert(String value) {
            try {
                return TaskChoice.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    private static void requireNonBlank(String option, String value) throws BadInputException {
        if (value.isBlank()) {
            throw new BadInputException(option + " must not be blank");
        }
    }
}
