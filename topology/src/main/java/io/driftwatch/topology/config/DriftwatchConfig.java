package io.driftwatch.topology.config;

import io.driftwatch.schemas.format.DecodeLimits;
import io.driftwatch.schemas.registry.RegistrySettings;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.quality.BinaryClasses;
import io.driftwatch.stats.quality.ClassName;
import io.driftwatch.stats.quality.OutcomeTyping;
import io.driftwatch.stats.quality.QualityMetric;
import io.driftwatch.stats.quality.TaskChoice;
import io.driftwatch.topics.TopicsConfig;
import io.driftwatch.topology.trigger.QualityTriggerPolicy;
import io.driftwatch.topology.trigger.TriggerPolicy;
import io.driftwatch.topology.window.IdleMode;
import io.driftwatch.topology.window.WindowSpec;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;
import static org.apache.kafka.common.config.ConfigDef.Range.between;

/**
 * The streaming service's configuration: every {@code driftwatch.*} key with its type, default, validator and
 * documentation, in one {@link ConfigDef}, validated at start-up so a mistake is named before anything
 * runs. The topic names and the Kafka client settings (every key not starting with {@code driftwatch.}, passed
 * unchanged to Kafka Streams, producers, consumers and the admin client) are {@link TopicsConfig}'s, which the
 * alerts process shares.
 * docs/configuration.md's table is rendered from {@link #CONFIG_DEF}, the topic keys included (ConfigurationReference,
 * in cli's tests).
 */
@SuppressWarnings("BadImport") // ConfigDef.Type is imported to write Type.LONG, as Kafka's own configs do
public final class DriftwatchConfig extends TopicsConfig {

    public static final String APPLICATION_ID_CONFIG = "driftwatch.application.id";
    private static final String APPLICATION_ID_DOC = "Kafka Streams application id: instances with the same id share the work; also the prefix of internal topics.";



    public static final String INPUT_FORMAT_CONFIG = "driftwatch.input.format";
    private static final String INPUT_FORMAT_DOC = "Encoding of the inferences topic: avro-registry (Confluent wire format), avro-single (single-object encoding) or json.";
    public static final String LABELS_FORMAT_CONFIG = "driftwatch.labels.format";
    private static final String LABELS_FORMAT_DOC = "Encoding of the labels topic; empty means the same as driftwatch.input.format.";
    public static final String SCHEMA_PATHS_CONFIG = "driftwatch.input.schema.paths";
    private static final String SCHEMA_PATHS_DOC = "Avro .avsc files or directories holding the writer schemas of avro-single input (driftwatch's own schemas are always known).";
    public static final String RECORD_MAX_BYTES_CONFIG = "driftwatch.record.max.bytes";
    private static final String RECORD_MAX_BYTES_DOC = "Larger input records go to the dead-letter topic unread.";
    public static final String FEATURES_MAX_CONFIG = "driftwatch.features.max";
    private static final String FEATURES_MAX_DOC = "A record with more features than this goes to the dead-letter topic: it bounds memory per record.";
    public static final String RECORD_STRING_MAX_BYTES_CONFIG = "driftwatch.record.string.max.bytes";
    private static final String RECORD_STRING_MAX_BYTES_DOC = "A record with a longer string (or Avro bytes value) goes to the dead-letter topic; JSON counts characters.";
    public static final String RECORD_ITEMS_MAX_CONFIG = "driftwatch.record.items.max";
    private static final String RECORD_ITEMS_MAX_DOC = "A record with more items in one Avro array or map, or one JSON array or object, goes to the dead-letter topic.";
    public static final String RECORD_NESTING_MAX_CONFIG = "driftwatch.record.nesting.max";
    private static final String RECORD_NESTING_MAX_DOC = "A record nested deeper than this (records, maps, arrays and unions; JSON objects and arrays) goes to the dead-letter topic.";
    public static final String REGISTRY_WAIT_MAX_MS_CONFIG = "driftwatch.schema.registry.wait.max.ms";
    private static final String REGISTRY_WAIT_MAX_MS_DOC = "How long one record waits for an unreachable registry before the stream thread restarts and retries it from its last committed offset.";

    public static final String WINDOW_SIZE_MS_CONFIG = "driftwatch.window.size.ms";
    private static final String WINDOW_SIZE_MS_DOC = "Width of the tumbling event-time windows that are profiled and tested, for every model whose policy gives no window.size.";
    public static final String WINDOW_GRACE_MS_CONFIG = "driftwatch.window.grace.ms";
    private static final String WINDOW_GRACE_MS_DOC = "How long after its end a window still accepts late records, for every model whose policy gives no window.grace; later ones are counted in driftwatch.records.late.";
    public static final String WINDOW_MERGE_DELAY_MS_CONFIG = "driftwatch.window.merge.delay.ms";
    private static final String WINDOW_MERGE_DELAY_MS_DOC = "How long, in event time, a window waits for input partitions that have never received a record at all before it closes without them; -1 means 24 hours (or one window, if longer). Every partition that has received records is always waited for, whatever model versions it carries. Lower it if some partitions of the inferences topic stay empty (records keyed by model name, say).";
    public static final String WINDOW_IDLE_CLOSE_MS_CONFIG = "driftwatch.window.idle.close.ms";
    public static final String WINDOW_IDLE_CLOSE_MODE_CONFIG = "driftwatch.window.idle.close.mode";
    private static final String WINDOW_IDLE_CLOSE_MODE_DOC = "What the quiet of driftwatch.window.idle.close.ms means. run-on (live traffic): event time runs on with the wall clock. end (a replay of recorded traffic): the input has ended, so every window closes and every prediction still waiting for its label counts as unlabelled at once, without waiting out the maximum label delay; a record arriving afterwards is late, so give each replay its own application id.";
    private static final String WINDOW_IDLE_CLOSE_MS_DOC = "After this long without a record on an input partition (wall-clock time), the partition's event time runs on with the wall clock, so windows close as if traffic had continued: the last window before a model, or a whole topic, goes quiet is reported; predictions waiting for labels expire alike, and their quality windows become final. 0 never does this; then that window waits for the next record. A record arriving later for a window closed this way is counted late.";
    public static final String WINDOW_MAX_AHEAD_MS_CONFIG = "driftwatch.window.max.ahead.ms";
    private static final String WINDOW_MAX_AHEAD_MS_DOC = "How far a record's event time may be ahead of its Kafka timestamp; a record further ahead (a clock set wrong) is counted in driftwatch.records.future and left out of the windows, so it cannot close every open window at once.";
    public static final String WINDOW_MIN_RECORDS_CONFIG = "driftwatch.window.min.records";
    private static final String WINDOW_MIN_RECORDS_DOC = "A window with fewer records gets no verdict, only a count.";
    public static final String EXACT_VALUES_CONFIG = "driftwatch.profile.exact.values";
    private static final String EXACT_VALUES_DOC = "Values per feature and window kept raw, so that smaller windows are tested exactly (the same numbers as check).";
    public static final String KLL_K_CONFIG = "driftwatch.profile.kll.k";
    private static final String KLL_K_DOC = "KLL quantile-sketch size: 547 gives a normalized rank error of 0.5% (99% confidence), so sketch KS is within 0.01.";
    public static final String EXACT_CATEGORIES_CONFIG = "driftwatch.profile.exact.categories";
    private static final String EXACT_CATEGORIES_DOC = "Distinct categories counted exactly per feature and window, before a frequent-items sketch takes over.";
    public static final String TRIGGER_CONSECUTIVE_WINDOWS_CONFIG = "driftwatch.trigger.consecutive.windows";
    private static final String TRIGGER_CONSECUTIVE_WINDOWS_DOC = "Dataset drift in this many consecutive windows triggers retraining (rule dataset_drift).";
    public static final String TRIGGER_SCHEMA_ERRORS_CONFIG = "driftwatch.trigger.schema.errors";
    private static final String TRIGGER_SCHEMA_ERRORS_DOC = "Whether a schema finding of severity error triggers retraining (rule schema_error).";
    public static final String TRIGGER_COOLDOWN_MS_CONFIG = "driftwatch.trigger.cooldown.ms";
    private static final String TRIGGER_COOLDOWN_MS_DOC = "No second trigger for a model version within this much event time of the last.";

    public static final String LABELS_ENABLED_CONFIG = "driftwatch.labels.enabled";
    private static final String LABELS_ENABLED_DOC = "Whether labels are joined to predictions for model quality. Off by default: the join keeps every prediction for up to driftwatch.labels.max.delay.ms waiting for its label (about 120 bytes each), which a deployment that sends no labels should not pay for.";
    public static final String LABELS_MAX_DELAY_MS_CONFIG = "driftwatch.labels.max.delay.ms";
    private static final String LABELS_MAX_DELAY_MS_DOC = "How much event time a prediction waits for its label, and a label for its prediction; after it the prediction counts as unlabelled, the label as unmatched, and a window's quality report is final at window end + this + driftwatch.window.grace.ms. It also bounds the pending-prediction state.";
    public static final String QUALITY_UPDATE_INTERVAL_MS_CONFIG = "driftwatch.quality.update.interval.ms";
    private static final String QUALITY_UPDATE_INTERVAL_MS_DOC = "Wall-clock interval at which joined labels are passed on and updated (not yet final) quality reports are written, so reports are not rewritten per label.";
    public static final String QUALITY_SEGMENT_VALUES_MAX_CONFIG = "driftwatch.quality.segment.values.max";
    private static final String QUALITY_SEGMENT_VALUES_MAX_DOC = "Segment (tag, value) pairs whose quality is tracked per model version and window; later new values are pooled as __other__. 0 turns segment quality off.";
    public static final String QUALITY_TASK_CONFIG = "driftwatch.quality.task";
    private static final String QUALITY_TASK_DOC = "What a labelled prediction is: auto decides per pair (a class name, logged class scores, two whole numbers, or a label 0/1 or true/false with a prediction in [0, 1] make a classification; other numbers a regression); classification or regression settles every pair of two numbers. Set it as driftwatch baseline --task was set, so the baseline's quality is comparable.";
    public static final String QUALITY_POSITIVE_CLASS_CONFIG = "driftwatch.quality.positive.class";
    private static final String QUALITY_POSITIVE_CLASS_DOC = "Which class a prediction that is a probability (a number in (0, 1) beside a label 0/1 or true/false, no class scores logged) is the probability of: 0, 1, true or false; empty means 1, or true. A model that logs one score for a named class logs it in classScores under that class (produce --score-column COLUMN --positive-class CLASS).";
    public static final String TRIGGER_QUALITY_METRIC_CONFIG = "driftwatch.trigger.quality.metric";
    private static final String TRIGGER_QUALITY_METRIC_DOC = "The quality metric the quality rules watch: accuracy, balanced_accuracy, precision, recall, f1, specificity, average_precision (a binary model's positive class), macro_precision, macro_recall, macro_f1, roc_auc, log_loss, mae, rmse, mape, mean_error (its absolute value) or business_value (only where the model's policy gives outcome.business_value).";
    public static final String TRIGGER_QUALITY_THRESHOLD_CONFIG = "driftwatch.trigger.quality.threshold";
    private static final String TRIGGER_QUALITY_THRESHOLD_DOC = "Rule quality_threshold: trigger when the metric is worse than this (below it for accuracy-like metrics, above it for errors and log loss). Empty: rule off.";
    public static final String TRIGGER_QUALITY_MAX_DROP_CONFIG = "driftwatch.trigger.quality.max.drop";
    private static final String TRIGGER_QUALITY_MAX_DROP_DOC = "Rule quality_drop: trigger when the metric is worse than the baseline's quality (else the previous final window's) by more than this, in the metric's units (0.05 = five accuracy points). Empty: rule off.";
    public static final String TRIGGER_QUALITY_MIN_LABELS_CONFIG = "driftwatch.trigger.quality.min.labels";
    private static final String TRIGGER_QUALITY_MIN_LABELS_DOC = "The quality rules fire only for a window with at least this many labelled predictions.";
    public static final String METRICS_PORT_CONFIG = "driftwatch.metrics.port";
    private static final String METRICS_PORT_DOC = "Port of the Prometheus endpoint (GET /metrics) of this process; 0 turns it off. Give run and alerts different ports when they share a host.";
    public static final String METRICS_BIND_ADDRESS_CONFIG = "driftwatch.metrics.bind.address";
    private static final String METRICS_BIND_ADDRESS_DOC = "Address the Prometheus endpoint listens on: 0.0.0.0 for every interface, 127.0.0.1 for this host only.";
    public static final String METRICS_RETIRE_AFTER_MS_CONFIG = "driftwatch.metrics.retire.after.ms";
    private static final String METRICS_RETIRE_AFTER_MS_DOC = "After this long (wall-clock time) with no record read, window closed or report for a model version, its meters (every gauge and counter tagged with its model and version) are removed from /metrics, so a version replaced by a rollout stops showing its last drift and stops the no-data alert; they return with its next record. 0 keeps them forever. Keep it well above driftwatch.window.size.ms.";
    public static final String METRICS_FEATURES_MAX_CONFIG = "driftwatch.metrics.features.max";
    private static final String METRICS_FEATURES_MAX_DOC = "Most distinct feature names (over all models) that get per-feature drift gauges; further features are left out of the metrics (never out of the drift reports). It bounds the series a wide model creates.";

    /** The one definition of every key; documentation and defaults come from here. */
    public static final ConfigDef CONFIG_DEF = TopicsConfig.defineTopics(new ConfigDef())
            .define(APPLICATION_ID_CONFIG, Type.STRING, "driftwatch", new ConfigDef.NonEmptyString(), Importance.HIGH, APPLICATION_ID_DOC)
            .define(INPUT_FORMAT_CONFIG, Type.STRING, InputFormat.JSON.label(), new FormatValidator(false), Importance.HIGH, INPUT_FORMAT_DOC)
            .define(LABELS_FORMAT_CONFIG, Type.STRING, "", new FormatValidator(true), Importance.MEDIUM, LABELS_FORMAT_DOC)
            .define(SCHEMA_PATHS_CONFIG, Type.LIST, List.of(), Importance.MEDIUM, SCHEMA_PATHS_DOC)
            .define(RECORD_MAX_BYTES_CONFIG, Type.INT, 1 << 20, atLeast(64), Importance.LOW, RECORD_MAX_BYTES_DOC)
            .define(FEATURES_MAX_CONFIG, Type.INT, 10_000, atLeast(1), Importance.LOW, FEATURES_MAX_DOC)
            .define(RECORD_STRING_MAX_BYTES_CONFIG, Type.INT, DecodeLimits.DEFAULT.maxStringBytes(), atLeast(1), Importance.LOW, RECORD_STRING_MAX_BYTES_DOC)
            .define(RECORD_ITEMS_MAX_CONFIG, Type.INT, DecodeLimits.DEFAULT.maxCollectionItems(), atLeast(1), Importance.LOW, RECORD_ITEMS_MAX_DOC)
            .define(RECORD_NESTING_MAX_CONFIG, Type.INT, DecodeLimits.DEFAULT.maxNestingDepth(), atLeast(1), Importance.LOW, RECORD_NESTING_MAX_DOC)
            .define(RegistrySettings.URL_CONFIG, Type.STRING, "", Importance.HIGH, "Schema registry base URL, e.g. http://registry:8081 or Apicurio's http://host:8080/apis/ccompat/v7. Needed for avro-registry.")
            .define(RegistrySettings.BASIC_AUTH_USER_CONFIG, Type.STRING, "", Importance.MEDIUM, "Registry basic-auth user.")
            .define(RegistrySettings.BASIC_AUTH_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.MEDIUM, "Registry basic-auth password.")
            .define(RegistrySettings.BEARER_TOKEN_CONFIG, Type.PASSWORD, null, Importance.MEDIUM, "Registry bearer token (instead of basic auth).")
            .define(RegistrySettings.TRUSTSTORE_LOCATION_CONFIG, Type.STRING, "", Importance.LOW, "Trust store (JKS or PKCS12) for an https registry with a private CA.")
            .define(RegistrySettings.TRUSTSTORE_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.LOW, "Password of the registry trust store.")
            .define(RegistrySettings.KEYSTORE_LOCATION_CONFIG, Type.STRING, "", Importance.LOW, "Key store for mutual TLS with the registry.")
            .define(RegistrySettings.KEYSTORE_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.LOW, "Password of the registry key store.")
            .define(REGISTRY_WAIT_MAX_MS_CONFIG, Type.LONG, 5_000L, atLeast(0), Importance.LOW, REGISTRY_WAIT_MAX_MS_DOC)
            .define(WINDOW_SIZE_MS_CONFIG, Type.LONG, Duration.ofHours(1).toMillis(), atLeast(1_000L), Importance.HIGH, WINDOW_SIZE_MS_DOC)
            .define(WINDOW_GRACE_MS_CONFIG, Type.LONG, Duration.ofMinutes(5).toMillis(), atLeast(0L), Importance.MEDIUM, WINDOW_GRACE_MS_DOC)
            .define(WINDOW_MERGE_DELAY_MS_CONFIG, Type.LONG, -1L, atLeast(-1L), Importance.LOW, WINDOW_MERGE_DELAY_MS_DOC)
            .define(WINDOW_IDLE_CLOSE_MS_CONFIG, Type.LONG, Duration.ofMinutes(15).toMillis(), atLeast(0L), Importance.MEDIUM, WINDOW_IDLE_CLOSE_MS_DOC)
            .define(WINDOW_IDLE_CLOSE_MODE_CONFIG, Type.STRING, IdleMode.RUN_ON.label(),
                    ConfigDef.ValidString.in(IdleMode.RUN_ON.label(), IdleMode.END.label()), Importance.LOW, WINDOW_IDLE_CLOSE_MODE_DOC)
            .define(WINDOW_MAX_AHEAD_MS_CONFIG, Type.LONG, Duration.ofHours(1).toMillis(), atLeast(0L), Importance.MEDIUM, WINDOW_MAX_AHEAD_MS_DOC)
            .define(WINDOW_MIN_RECORDS_CONFIG, Type.LONG, 100L, atLeast(1L), Importance.MEDIUM, WINDOW_MIN_RECORDS_DOC)
            .define(EXACT_VALUES_CONFIG, Type.INT, NumericProfileConfig.DEFAULT_EXACT_VALUE_CAP, between(0, NumericProfileConfig.MAX_EXACT_VALUE_CAP), Importance.MEDIUM, EXACT_VALUES_DOC)
            .define(KLL_K_CONFIG, Type.INT, NumericProfileConfig.DEFAULT_KLL_K, between(8, 65_535), Importance.LOW, KLL_K_DOC)
            .define(EXACT_CATEGORIES_CONFIG, Type.INT, CategoricalProfileConfig.DEFAULT_MAX_EXACT_CATEGORIES, between(1, CategoricalProfileConfig.MAX_EXACT_CATEGORIES), Importance.LOW, EXACT_CATEGORIES_DOC)
            .define(TRIGGER_CONSECUTIVE_WINDOWS_CONFIG, Type.INT, TriggerPolicy.DEFAULT.consecutiveDriftWindows(), atLeast(1), Importance.HIGH, TRIGGER_CONSECUTIVE_WINDOWS_DOC)
            .define(TRIGGER_SCHEMA_ERRORS_CONFIG, Type.BOOLEAN, TriggerPolicy.DEFAULT.triggerOnSchemaError(), Importance.MEDIUM, TRIGGER_SCHEMA_ERRORS_DOC)
            .define(TRIGGER_COOLDOWN_MS_CONFIG, Type.LONG, TriggerPolicy.DEFAULT.coolDown().toMillis(), atLeast(0L), Importance.MEDIUM, TRIGGER_COOLDOWN_MS_DOC)
            .define(LABELS_ENABLED_CONFIG, Type.BOOLEAN, false, Importance.HIGH, LABELS_ENABLED_DOC)
            .define(LABELS_MAX_DELAY_MS_CONFIG, Type.LONG, Duration.ofDays(7).toMillis(), atLeast(0L), Importance.HIGH, LABELS_MAX_DELAY_MS_DOC)
            .define(QUALITY_UPDATE_INTERVAL_MS_CONFIG, Type.LONG, 30_000L, atLeast(100L), Importance.LOW, QUALITY_UPDATE_INTERVAL_MS_DOC)
            .define(QUALITY_SEGMENT_VALUES_MAX_CONFIG, Type.INT, 50, between(0, 10_000), Importance.LOW, QUALITY_SEGMENT_VALUES_MAX_DOC)
            .define(QUALITY_TASK_CONFIG, Type.STRING, TaskChoice.AUTO.label(),
                    ConfigDef.ValidString.in(TaskChoice.labels().toArray(String[]::new)), Importance.MEDIUM, QUALITY_TASK_DOC)
            .define(QUALITY_POSITIVE_CLASS_CONFIG, Type.STRING, "", ConfigDef.LambdaValidator.with(
                    DriftwatchConfig::requireBinaryClass, () -> "empty, 0, 1, true or false"), Importance.LOW, QUALITY_POSITIVE_CLASS_DOC)
            .define(TRIGGER_QUALITY_METRIC_CONFIG, Type.STRING, QualityMetric.ACCURACY.metricName(),
                    ConfigDef.ValidString.in(QualityMetric.names().toArray(String[]::new)), Importance.MEDIUM, TRIGGER_QUALITY_METRIC_DOC)
            .define(TRIGGER_QUALITY_THRESHOLD_CONFIG, Type.DOUBLE, null, Importance.MEDIUM, TRIGGER_QUALITY_THRESHOLD_DOC)
            .define(TRIGGER_QUALITY_MAX_DROP_CONFIG, Type.DOUBLE, null, Importance.MEDIUM, TRIGGER_QUALITY_MAX_DROP_DOC)
            .define(TRIGGER_QUALITY_MIN_LABELS_CONFIG, Type.LONG, 100L, atLeast(1L), Importance.MEDIUM, TRIGGER_QUALITY_MIN_LABELS_DOC)
            .define(METRICS_PORT_CONFIG, Type.INT, 9464, between(0, 65_535), Importance.MEDIUM, METRICS_PORT_DOC)
            .define(METRICS_BIND_ADDRESS_CONFIG, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(), Importance.LOW, METRICS_BIND_ADDRESS_DOC)
            .define(METRICS_FEATURES_MAX_CONFIG, Type.INT, 1_000, atLeast(0), Importance.LOW, METRICS_FEATURES_MAX_DOC)
            .define(METRICS_RETIRE_AFTER_MS_CONFIG, Type.LONG, Duration.ofDays(1).toMillis(), atLeast(0), Importance.LOW,
                    METRICS_RETIRE_AFTER_MS_DOC);

    public DriftwatchConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
        if (inputFormat() == InputFormat.AVRO_REGISTRY || labelsFormat() == InputFormat.AVRO_REGISTRY) {
            if (getString(RegistrySettings.URL_CONFIG).isBlank()) {
                throw new ConfigException(RegistrySettings.URL_CONFIG, "", "is required when a format is "
                        + InputFormat.AVRO_REGISTRY.label() + "; set it to the schema registry's URL");
            }
        }
    }

    public String applicationId() {
        return getString(APPLICATION_ID_CONFIG);
    }

    public InputFormat inputFormat() {
        return InputFormat.parse(getString(INPUT_FORMAT_CONFIG));
    }

    public InputFormat labelsFormat() {
        String labels = getString(LABELS_FORMAT_CONFIG);
        return labels.isBlank() ? inputFormat() : InputFormat.parse(labels);
    }

    /** What a decoder accepts before it dead-letters a record: every {@code driftwatch.record.*} limit and {@code driftwatch.features.max}. */
    public DecodeLimits decodeLimits() {
        return new DecodeLimits(getInt(RECORD_MAX_BYTES_CONFIG), getInt(RECORD_STRING_MAX_BYTES_CONFIG), getInt(FEATURES_MAX_CONFIG),
                getInt(RECORD_ITEMS_MAX_CONFIG), getInt(RECORD_NESTING_MAX_CONFIG));
    }

    public Duration registryWaitMax() {
        return Duration.ofMillis(getLong(REGISTRY_WAIT_MAX_MS_CONFIG));
    }

    /** The registry client's settings; call only when a registry URL is configured. */
    public RegistrySettings registrySettings() {
        RegistrySettings.Builder builder = RegistrySettings.builder(getString(RegistrySettings.URL_CONFIG));
        String user = getString(RegistrySettings.BASIC_AUTH_USER_CONFIG);
        Password password = getPassword(RegistrySettings.BASIC_AUTH_PASSWORD_CONFIG);
        if (!user.isBlank()) {
            builder.basicAuth(user, password == null ? "" : password.value());
        }
        Password token = getPassword(RegistrySettings.BEARER_TOKEN_CONFIG);
        if (token != null) {
            builder.bearerToken(token.value());
        }
        String truststore = getString(RegistrySettings.TRUSTSTORE_LOCATION_CONFIG);
        if (!truststore.isBlank()) {
            builder.truststore(Path.of(truststore), secret(RegistrySettings.TRUSTSTORE_PASSWORD_CONFIG));
        }
        String keystore = getString(RegistrySettings.KEYSTORE_LOCATION_CONFIG);
        if (!keystore.isBlank()) {
            builder.keystore(Path.of(keystore), secret(RegistrySettings.KEYSTORE_PASSWORD_CONFIG));
        }
        return builder.build();
    }

    private String secret(String key) {
        Password password = getPassword(key);
        return password == null ? "" : password.value();
    }

    public List<String> schemaPaths() {
        return getList(SCHEMA_PATHS_CONFIG);
    }

    public WindowSpec windows() {
        Duration size = Duration.ofMillis(getLong(WINDOW_SIZE_MS_CONFIG));
        long mergeDelay = getLong(WINDOW_MERGE_DELAY_MS_CONFIG);
        // Only partitions never heard from wait this long: a short default would let one partition running
        // ahead at start-up (a backlog) close windows before a slower one has sent its first watermark.
        Duration defaultMergeDelay = size.compareTo(Duration.ofHours(24)) > 0 ? size : Duration.ofHours(24);
        return new WindowSpec(size, Duration.ofMillis(getLong(WINDOW_GRACE_MS_CONFIG)),
                mergeDelay < 0 ? defaultMergeDelay : Duration.ofMillis(mergeDelay),
                Duration.ofMillis(getLong(WINDOW_MAX_AHEAD_MS_CONFIG)), Duration.ofMillis(getLong(WINDOW_IDLE_CLOSE_MS_CONFIG)),
                IdleMode.parse(getString(WINDOW_IDLE_CLOSE_MODE_CONFIG)));
    }

    public long windowMinRecords() {
        return getLong(WINDOW_MIN_RECORDS_CONFIG);
    }

    public NumericProfileConfig numericProfiles() {
        return new NumericProfileConfig(getInt(KLL_K_CONFIG), getInt(EXACT_VALUES_CONFIG));
    }

    public CategoricalProfileConfig categoricalProfiles() {
        CategoricalProfileConfig defaults = CategoricalProfileConfig.defaults();
        return new CategoricalProfileConfig(getInt(EXACT_CATEGORIES_CONFIG), defaults.frequentItemsLgMaxMapSize(), defaults.hllLgK());
    }

    public TriggerPolicy triggerPolicy() {
        return new TriggerPolicy(getInt(TRIGGER_CONSECUTIVE_WINDOWS_CONFIG), getBoolean(TRIGGER_SCHEMA_ERRORS_CONFIG),
                Duration.ofMillis(getLong(TRIGGER_COOLDOWN_MS_CONFIG)));
    }

    public boolean labelsEnabled() {
        return getBoolean(LABELS_ENABLED_CONFIG);
    }

    public Duration labelsMaxDelay() {
        return Duration.ofMillis(getLong(LABELS_MAX_DELAY_MS_CONFIG));
    }

    public Duration qualityUpdateInterval() {
        return Duration.ofMillis(getLong(QUALITY_UPDATE_INTERVAL_MS_CONFIG));
    }

    public int qualitySegmentValuesMax() {
        return getInt(QUALITY_SEGMENT_VALUES_MAX_CONFIG);
    }

    /** How the label join types each prediction and label: the same rule {@code baseline --labels} uses. */
    public OutcomeTyping qualityTyping() {
        String positive = getString(QUALITY_POSITIVE_CLASS_CONFIG);
        return new OutcomeTyping(TaskChoice.parse(getString(QUALITY_TASK_CONFIG)),
                positive.isBlank() ? null : ClassName.ofTyped(positive));
    }

    // Named classes are refused: a lone probability of one is logged in classScores under its name, and the
    // join cannot name the other class of a named pair from one label.
    private static void requireBinaryClass(String name, Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isBlank() && !BinaryClasses.isBinary(ClassName.ofTyped(text))) {
            throw new ConfigException(name, value, "must be empty, 0, 1, true or false: the class of labels 0/1 or"
                    + " true/false that a probability prediction is of; a model of named classes logs its one score in"
                    + " classScores under the class's name (produce --score-column COLUMN --positive-class CLASS)");
        }
    }

    public QualityTriggerPolicy qualityTriggerPolicy() {
        Double threshold = getDouble(TRIGGER_QUALITY_THRESHOLD_CONFIG);
        Double maxDrop = getDouble(TRIGGER_QUALITY_MAX_DROP_CONFIG);
        return new QualityTriggerPolicy(QualityMetric.of(getString(TRIGGER_QUALITY_METRIC_CONFIG)),
                threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold),
                maxDrop == null ? OptionalDouble.empty() : OptionalDouble.of(maxDrop),
                getLong(TRIGGER_QUALITY_MIN_LABELS_CONFIG), Duration.ofMillis(getLong(TRIGGER_COOLDOWN_MS_CONFIG)));
    }

    /** The Prometheus endpoint's port; 0 when it is off. */
    public int metricsPort() {
        return getInt(METRICS_PORT_CONFIG);
    }

    public String metricsBindAddress() {
        return getString(METRICS_BIND_ADDRESS_CONFIG);
    }

    public int metricsFeaturesMax() {
        return getInt(METRICS_FEATURES_MAX_CONFIG);
    }

    /** How long a model version may show no sign of life before its meters are removed; zero: never. */
    public Duration metricsRetireAfter() {
        return Duration.ofMillis(getLong(METRICS_RETIRE_AFTER_MS_CONFIG));
    }

    /** Validates a format name at start-up, naming the accepted ones. */
    private static final class FormatValidator implements ConfigDef.Validator {
        private final boolean emptyAllowed;

        FormatValidator(boolean emptyAllowed) {
            this.emptyAllowed = emptyAllowed;
        }

        @Override
        public void ensureValid(String name, Object value) {
            String text = value == null ? "" : value.toString();
            if (emptyAllowed && text.isBlank()) {
                return;
            }
            try {
                InputFormat.parse(text);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "avro-registry, avro-single or json";
        }
    }
}
