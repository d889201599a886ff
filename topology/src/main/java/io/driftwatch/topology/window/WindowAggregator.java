package io.driftwatch.topology.window;

import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.topology.multivariate.InferenceRows;
import io.driftwatch.topology.multivariate.StoredReconstructions;
import io.driftwatch.topology.policy.ModelRulesResolver;
import io.driftwatch.topology.state.CachedObjectStore;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * First stage: profiles the inferences of one input partition into tumbling event-time windows per model
 * version, each model's windows cut as its policy says ({@link WindowGrid}), and when the partition's event time
 * passes a window's end plus grace, sends the partial window on to the merge stage and forgets it. A record for a
 * window that has already closed is counted as late (metric {@code driftwatch.records.late}), never silently
 * dropped; so is a record whose event time is further ahead of its Kafka timestamp than the window spec allows
 * ({@code driftwatch.records.future}).
 *
 * <p>Time is the records' own event time, not the Kafka timestamp: producers stamp records when they send
 * them, which for a replay or a backlog says nothing about when the inference happened. The partition's
 * event time is the largest event time it has seen; windows close as it advances, so a replayed day closes
 * the same windows it did live. After a restart it resumes from the open windows' latest start.
 *
 * <p>A model's policy is read when one of its windows opens, so a new window shape, or a new set of columns that are
 * not features (never profiled, as {@code check} and {@code baseline} never profile them), is learned at the latest at
 * the next window; the shape it had stays in force until the boundary {@link WindowGrid#change} places the change at.
 * The partition's watermark (its event time) goes to the merge stage whenever a partial does, and otherwise at least
 * once per the smallest window size the partition cuts, so every model's windows close promptly.
 *
 * <p>Event time only moves with records, so when traffic stops the last window would wait for the next one;
 * after {@link WindowSpec#idleClose()} without a record, the {@link IdleClock} moves it on and windows close
 * as if traffic had continued.
 */
final class WindowAggregator implements Processor<String, InferenceLog, String, MergeInput> {
    private static final Logger LOG = LoggerFactory.getLogger(WindowAggregator.class);
    private static final String WATERMARK_KEY_PREFIX = "watermark/";

    private final String storeName;
    private final String gridsStoreName;
    private final WindowSpec windows;
    private final NumericProfileConfig numericConfig;
    private final CategoricalProfileConfig categoricalConfig;
    private final ModelRulesResolver rules;
    private final WindowMetrics metrics;
    private final @Nullable String baselinesStoreName;
    private final OpenWindows open = new OpenWindows();
    private final Map<String, Set<String>> excludedByModelKey = new HashMap<>();
    private long eventTimeMillis = Long.MIN_VALUE;
    private long watermarkSentMillis = Long.MIN_VALUE;
    private long watermarkEveryMillis;
    private IdleClock idle;
    private CommitOnClose commits;
    private ProcessorContext<String, MergeInput> context;
    private CachedObjectStore<WindowKey, FeatureProfiles> store;
    private CachedObjectStore<String, WindowGrid> grids;
    private @Nullable StoredReconstructions reconstructions;

    WindowAggregator(String storeName, String gridsStoreName, WindowSpec windows, NumericProfileConfig numericConfig,
                     CategoricalProfileConfig categoricalConfig, ModelRulesResolver rules, WindowMetrics metrics,
                     @Nullable String baselinesStoreName) {
        this.storeName = requireNonNull(storeName, "storeName");
        this.gridsStoreName = requireNonNull(gridsStoreName, "gridsStoreName");
        this.windows = requireNonNull(windows, "windows");
        this.numericConfig = requireNonNull(numericConfig, "numericConfig");
        this.categoricalConfig = requireNonNull(categoricalConfig, "categoricalConfig");
        this.rules = requireNonNull(rules, "rules");
        this.metrics = requireNonNull(metrics, "metrics");
        this.baselinesStoreName = baselinesStoreName;
        this.watermarkEveryMillis = windows.size().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, MergeInput> context) {
        this.context = context;
        this.commits = new CommitOnClose(context);
        this.store = context.getStateStore(storeName);
        this.grids = context.getStateStore(gridsStoreName);
        rules.init(context);
        if (baselinesStoreName != null) {
            reconstructions = new StoredReconstructions(context.getStateStore(baselinesStoreName));
        }
        store.readAll().keySet().forEach(window -> {
            WindowGrid grid = grids.get(window.modelKey());
            if (grid == null) {
                // Opened by a build that cut every model's windows with the settings.
                grid = WindowGrid.of(windows.shape());
                grid.placed(window.endMillis() - 1);
                grids.put(window.modelKey(), grid);
            }
            open.add(window, grid.spanOf(window.startMillis()).closeAtMillis());
            watermarkEveryMillis = Math.min(watermarkEveryMillis, grid.current().size().toMillis());
            eventTimeMillis = Math.max(eventTimeMillis, window.startMillis());
        });
        idle = new IdleClock(windows.idleClose(), windows.idleMode(), eventTimeMillis, context.currentSystemTimeMs());
        if (idle.enabled()) {
            context.schedule(idle.checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::runOnIfIdle);
        }
    }

    @Override
    public void process(Record<String, InferenceLog> record) {
        InferenceLog log = record.value();
        long recordTimeMillis = log.getEventTime().toEpochMilli();
        long wallClockMillis = context.currentSystemTimeMs();
        if (windows.tooFarAhead(recordTimeMillis, record.timestamp())) {
            idle.recordSeen(eventTimeMillis, record.timestamp(), wallClockMillis);
            metrics.futureRecord(log.getModelName(), log.getModelVersion());
            return;
        }
        if (recordTimeMillis > eventTimeMillis) {
            eventTimeMillis = recordTimeMillis;
            closeDue(eventTimeMillis, record.timestamp());
        }
        idle.recordSeen(eventTimeMillis, record.timestamp(), wallClockMillis);
        String model = log.getModelName();
        String version = log.getModelVersion();
        String modelKey = ModelKeys.of(model, version);
        WindowGrid grid = grids.get(modelKey);
        boolean known = grid != null;
        if (grid == null) {
            grid = WindowGrid.of(rules.windowOf(model, version).shape());
        }
        WindowGrid.Span span = grid.spanOf(recordTimeMillis);
        WindowKey window = new WindowKey(model, version, span.startMillis(), span.endMillis());
        FeatureProfiles profiles = span.closeAtMillis() <= eventTimeMillis ? null : store.get(window);
        if (profiles == null && known && followPolicy(grid, model, version)) {
            span = grid.spanOf(recordTimeMillis);
            window = new WindowKey(model, version, span.startMillis(), span.endMillis());
            profiles = store.get(window);
        }
        if (span.closeAtMillis() <= eventTimeMillis) {
            metrics.lateRecord(model, version);
            return;
        }
        Set<String> excluded = excludedByModelKey.get(modelKey);
        if (profiles == null) {
            profiles = new FeatureProfiles(numericConfig, categoricalConfig);
            open.add(window, span.closeAtMillis());
            watermarkEveryMillis = Math.min(watermarkEveryMillis, grid.current().size().toMillis());
            excluded = null;
            if (reconstructions != null) {
                reconstructions.refresh(modelKey);
            }
        }
        if (excluded == null) {
            excluded = rules.excludedColumnsOf(model, version);
            excludedByModelKey.put(modelKey, excluded);
        }
        profiles.add(excluded.isEmpty() ? log.getFeatures() : withoutColumns(log.getFeatures(), excluded), log.getPrediction());
        if (reconstructions != null) {
            Optional<StoredReconstructions.Scoring> fit = reconstructions.of(modelKey);
            if (fit.isPresent()) {
                score(profiles, fit.get(), log);
            }
        }
        store.put(window, profiles);
        grid.placed(recordTimeMillis);
        grids.put(modelKey, grid);
    }

    /**
     * Adds the inference's reconstruction error to its window. A row whose scaled features overflow has no finite
     * distance: it is counted ({@code driftwatch.multivariate.unscored}), not averaged, as {@code check} refuses it.
     */
    private void score(FeatureProfiles profiles, StoredReconstructions.Scoring fit, InferenceLog log) {
        double error = fit.reference().fit().errorOf(InferenceRows.of(log.getFeatures(), fit.reference().fit()));
        if (Double.isFinite(error)) {
            profiles.addReconstructionError(fit.baselineId(), error);
        } else {
            metrics.unscoredRow(log.getModelName(), log.getModelVersion());
        }
    }

    private static Map<String, Object> withoutColumns(Map<String, Object> features, Set<String> excluded) {
        Map<String, Object> kept = new HashMap<>(features);
        kept.keySet().removeAll(excluded);
        return kept;
    }

    /**
     * Asked as a model's window opens: changes the model's grid if its policy now shapes its windows otherwise.
     *
     * @return whether the grid changed
     */
    private boolean followPolicy(WindowGrid grid, String model, String version) {
        ModelRulesResolver.ModelWindow policy = rules.windowOf(model, version);
        WindowGrid.Change change = grid.change(policy.shape(), policy.publishedMillis());
        if (change == WindowGrid.Change.NONE) {
            return false;
        }
        metrics.windowShapeChanged(model, version, change == WindowGrid.Change.LATE);
        LOG.info("model {} version {}: windows of {} (grace {}, offset {}) from {} on partition {}{}", model, version,
                policy.shape().size(), policy.shape().grace(), policy.shape().offset(),
                Instant.ofEpochMilli(grid.currentFromMillis()), context.taskId().partition(),
                change == WindowGrid.Change.LATE ? ", later than the boundary after the policy's publication: this partition"
                        + " had already placed records past it" : "");
        return true;
    }

    /** Closes what the quiet since the last record has made due; the records sent carry the quiet's timestamp. */
    private void runOnIfIdle(long wallClockMillis) {
        long quietEventTimeMillis = idle.quietEventTimeMillis(wallClockMillis);
        if (quietEventTimeMillis > eventTimeMillis) {
            eventTimeMillis = quietEventTimeMillis;
            closeDue(eventTimeMillis, idle.quietTimestampMillis(wallClockMillis));
        }
    }

    /**
     * Sends on the windows due at {@code eventTimeMillis}, then the partition's watermark if a window closed or the
     * event time moved on by a window, and requests a commit, since the merge stage reads them only once committed
     * and a watermark is what closes windows there ({@link CommitOnClose}); not for the task's first watermark alone,
     * which only says where a partition that closed nothing stands. Their records keep the Kafka timestamp of the
     * record that closed them: event times of a replay can be older than the topics' retention or, from a skewed clock,
     * further ahead than a broker accepts.
     */
    private void closeDue(long eventTimeMillis, long recordTimestampMillis) {
        int partition = context.taskId().partition();
        boolean sent = false;
        for (OpenWindows.Due due : open.takeDue(eventTimeMillis)) {
            WindowKey window = due.window();
            FeatureProfiles profiles = store.get(window);
            if (profiles != null) {
                context.forward(new Record<>(window.modelKey(), new PartialWindow(window, partition, due.closeAtMillis(),
                        profiles), recordTimestampMillis));
                sent = true;
            }
            store.delete(window);
        }
        boolean first = watermarkSentMillis == Long.MIN_VALUE;
        if (sent || first || eventTimeMillis - watermarkSentMillis >= watermarkEveryMillis) {
            watermarkSentMillis = eventTimeMillis;
            context.forward(new Record<>(WATERMARK_KEY_PREFIX + partition, new PartitionWatermark(partition, eventTimeMillis),
                    recordTimestampMillis));
            if (sent || !first) {
                commits.request();
            }
        }
    }
}
