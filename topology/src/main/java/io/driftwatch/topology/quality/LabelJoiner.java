package io.driftwatch.topology.quality;

import io.driftwatch.stats.estimate.CbpeReference;
import io.driftwatch.stats.estimate.EstimationRefusedException;
import io.driftwatch.stats.estimate.MulticlassCbpeReference;
import io.driftwatch.stats.estimate.MulticlassScoredPrediction;
import io.driftwatch.stats.estimate.ScoredPrediction;
import io.driftwatch.stats.quality.OutcomeTyping;
import io.driftwatch.stats.quality.QualityTally;
import io.driftwatch.topology.estimate.StoredEstimations;
import io.driftwatch.topology.policy.ModelRulesResolver;
import io.driftwatch.topology.quality.RequestFact.JoinedMark;
import io.driftwatch.topology.quality.RequestFact.LabelFact;
import io.driftwatch.topology.quality.RequestFact.PredictionFact;
import io.driftwatch.topology.state.CachedObjectStore;
import io.driftwatch.topology.window.CommitOnClose;
import io.driftwatch.topology.window.IdleClock;
import io.driftwatch.topology.window.ModelKeys;
import io.driftwatch.topology.window.WindowGrid;
import io.driftwatch.topology.window.WindowShape;
import io.driftwatch.topology.window.WindowSpec;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Joins labels to predictions of one request-id partition, whichever comes first: the first to arrive waits
 * in the pending store until the other comes or the partition's event time passes its own event time plus
 * the maximum label delay; then a waiting prediction counts as unlabelled and a waiting label as unmatched.
 * A joined request leaves a small mark until its prediction's delay runs out, so a repeated label is
 * counted once as a duplicate and never joined twice. Pending state is therefore bounded by the traffic of
 * one maximum delay, and expiry scans only the due range of two indexes ordered by expiry time: one of the
 * predictions and joined marks (due by the labels' clock), one of the labels (due by the predictions').
 *
 * <p>What it learns goes into partial tallies per model version and window of prediction time, the windows cut
 * as the model's policy says, exactly as its drift windows are ({@link WindowGrid}; unmatched labels, whose version
 * is unknown, as the policy for version "" says). Every update interval (wall clock, so reports are not rewritten
 * per label) it expires what is due, sends the
 * partial tallies on to the aggregator, keyed by model, and starts new ones, all in the same transaction.
 * After them it sends each recently seen model a tick with its event time: the aggregator makes windows
 * final on ticks only, so a window never becomes final between two partial tallies of the same update; a tick that
 * may make a window final requests a commit, as the aggregator reads it only once committed. Time is the
 * records' event time, as for drift windows, kept per input ({@link JoinClocks}): a prediction expires by the
 * labels' clock, a label by the predictions', and a tick carries the time both have passed, so the order in
 * which the two topics are read (a replay's predictions long before its labels) changes nothing. The clocks
 * are kept in a store, so a restart expires exactly what the first run would have. When the partition goes
 * quiet, its {@link IdleClock} moves event time on as the drift windows' does, so the last predictions before
 * traffic stops still count as unlabelled and the last windows still become final.
 */
final class LabelJoiner implements Processor<String, RequestFact, String, QualityDelta> {
    private static final String PARTITION_CLOCK = "";

    private final QualityStores stores;
    private final WindowSpec windows;
    private final long maxDelayMillis;
    private final Duration updateInterval;
    private final int maxSegmentValues;
    private final OutcomeTyping typing;
    private final ModelRulesResolver rules;
    private final QualityMetrics metrics;
    private ProcessorContext<String, QualityDelta> context;
    private KeyValueStore<String, byte[]> pending;
    private KeyValueStore<Bytes, byte[]> expiry;
    private KeyValueStore<Bytes, byte[]> labelExpiry;
    private CachedObjectStore<QualityWindowKey, WindowTally> deltas;
    private CachedObjectStore<String, Long> clocks;
    private CachedObjectStore<String, WindowGrid> grids;
    private long eventTimeMillis = Long.MIN_VALUE;
    private long tickedAtMillis = Long.MIN_VALUE;
    private long predictionsTickedAtMillis = Long.MIN_VALUE;
    private long timestampMillis = Long.MIN_VALUE;
    private IdleClock idle;
    private CommitOnClose commits;
    private JoinClocks inputs;
    private StoredEstimations estimations;

    /** @param typing how each joined prediction and label are typed: {@code driftwatch.quality.task} and its positive class */
    LabelJoiner(QualityStores stores, WindowSpec windows, Duration maxDelay, Duration updateInterval, int maxSegmentValues,
                OutcomeTyping typing, ModelRulesResolver rules, QualityMetrics metrics) {
        this.stores = requireNonNull(stores, "stores");
        this.windows = requireNonNull(windows, "windows");
        this.maxDelayMillis = maxDelay.toMillis();
        this.updateInterval = requireNonNull(updateInterval, "updateInterval");
        this.maxSegmentValues = maxSegmentValues;
        this.typing = requireNonNull(typing, "typing");
        this.rules = requireNonNull(rules, "rules");
        this.metrics = requireNonNull(metrics, "metrics");
    }

    @Override
    public void init(ProcessorContext<String, QualityDelta> context) {
        this.context = context;
        this.commits = new CommitOnClose(context);
        this.pending = context.getStateStore(stores.pending());
        this.expiry = context.getStateStore(stores.expiry());
        this.labelExpiry = context.getStateStore(stores.labelExpiry());
        this.deltas = context.getStateStore(stores.deltas());
        this.clocks = context.getStateStore(stores.joinClocks());
        this.grids = context.getStateStore(stores.joinGrids());
        this.estimations = new StoredEstimations(context.getStateStore(stores.baselines()));
        rules.init(context);
        Long clock = clocks.get(PARTITION_CLOCK);
        eventTimeMillis = clock == null ? Long.MIN_VALUE : clock;
        idle = new IdleClock(windows.idleClose(), windows.idleMode(), eventTimeMillis, context.currentSystemTimeMs());
        inputs = new JoinClocks(clocks, eventTimeMillis, windows.idleClose(), context.currentSystemTimeMs());
        context.schedule(updateInterval, PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    @Override
    public void process(Record<String, RequestFact> record) {
        timestampMillis = Math.max(timestampMillis, record.timestamp());
        String requestId = record.key();
        RequestFact fact = record.value();
        if (requestId == null || fact == null) {
            return;
        }
        if (fact instanceof PredictionFact prediction) {
            advance(prediction.model(), prediction.eventMillis());
            inputs.prediction(prediction.eventMillis(), context.currentSystemTimeMs());
            onPrediction(requestId, prediction, waiting(requestId));
        } else if (fact instanceof LabelFact label) {
            advance(label.model(), label.eventMillis());
            inputs.label(label.eventMillis(), context.currentSystemTimeMs());
            onLabel(requestId, label, waiting(requestId));
        } else {
            throw new IllegalStateException("a joined mark is state, never input: " + fact);
        }
        idle.recordSeen(eventTimeMillis, record.timestamp(), context.currentSystemTimeMs());
    }

    private void advance(String model, long factMillis) {
        if (factMillis > eventTimeMillis) {
            eventTimeMillis = factMillis;
            clocks.put(PARTITION_CLOCK, eventTimeMillis);
        }
        Long seen = clocks.get(model);
        if (seen == null || factMillis > seen) {
            clocks.put(model, factMillis);
        }
    }

    /** The fact waiting for {@code requestId}, or null; one past its delay is expired first, as the punctuation would. */
    private @Nullable RequestFact waiting(String requestId) {
        byte[] bytes = pending.get(requestId);
        if (bytes == null) {
            return null;
        }
        RequestFact fact = RequestFactCodec.INSTANCE.fromBytes(bytes);
        if (due(fact, context.currentSystemTimeMs())) {
            expire(requestId, fact);
            return null;
        }
        return fact;
    }

    /** Whether the other half of {@code fact} can no longer come: its input's clock passed the fact's delay. */
    private boolean due(RequestFact fact, long wallMillis) {
        long otherInputMillis = fact instanceof LabelFact ? inputs.predictionsMillis(wallMillis) : inputs.labelsMillis(wallMillis);
        return fact.expiresAtMillis(maxDelayMillis) < otherInputMillis;
    }

    private void onPrediction(String requestId, PredictionFact prediction, @Nullable RequestFact waiting) {
        if (waiting instanceof PredictionFact || waiting instanceof JoinedMark) {
            metrics.duplicatePrediction(prediction.model());
            return;
        }
        WindowTally tally = tally(prediction.model(), prediction.version(), prediction.eventMillis());
        tally.quality().addPrediction();
        estimate(prediction, tally);
        if (waiting instanceof LabelFact label) {
            labelExpiry.delete(ExpiryKeys.of(label.expiresAtMillis(maxDelayMillis), requestId));
            if (label.model().equals(prediction.model())) {
                join(prediction, label);
                store(requestId, new JoinedMark(prediction.model(), prediction.version(), prediction.eventMillis()));
                return;
            }
            unmatched(label);
        }
        store(requestId, prediction);
    }

    /**
     * Adds the prediction to its window's estimate when the model version's baseline has a CBPE fit: its score of
     * the positive class (binary) or every class's score (multiclass), calibrated as the fit says, or, without them,
     * a prediction not estimated.
     */
    private void estimate(PredictionFact prediction, WindowTally tally) {
        Optional<StoredEstimations.Estimation> estimation = estimations.of(ModelKeys.of(prediction.model(), prediction.version()));
        if (estimation.isEmpty()) {
            return;
        }
        if (estimation.get() instanceof StoredEstimations.Multiclass multiclass) {
            estimateMulticlass(prediction, tally, multiclass.reference());
            return;
        }
        CbpeReference fit = ((StoredEstimations.Binary) estimation.get()).reference();
        Optional<ScoredPrediction> scored;
        try {
            scored = ScoredPrediction.ofLogged(prediction.prediction(), prediction.classScores(), fit.positiveClass());
        } catch (EstimationRefusedException e) {
            scored = Optional.empty();
        }
        if (scored.isPresent()) {
            tally.estimating().add(fit.calibration().calibrate(scored.get().score()), scored.get().predictedPositive());
        } else {
            tally.estimating().addNotEstimated();
        }
    }

    /** Every class's logged score, calibrated and normalised as the fit says; else a prediction not estimated. */
    private static void estimateMulticlass(PredictionFact prediction, WindowTally tally, MulticlassCbpeReference fit) {
        Optional<MulticlassScoredPrediction> scored;
        try {
            scored = MulticlassScoredPrediction.ofLogged(prediction.prediction(), prediction.classScores(), fit.classes());
        } catch (EstimationRefusedException e) {
            scored = Optional.empty();
        }
        if (scored.isPresent()) {
            tally.estimating().addMulticlass(fit.calibration().calibrate(scored.get().scores()),
                    scored.get().predictedClass());
        } else {
            tally.estimating().addNotEstimated();
        }
    }

    private void onLabel(String requestId, LabelFact label, @Nullable RequestFact waiting) {
        if (waiting == null) {
            store(requestId, label);
        } else if (waiting instanceof PredictionFact prediction && prediction.model().equals(label.model())) {
            join(prediction, label);
            pending.put(requestId, RequestFactCodec.INSTANCE.toBytes(
                    new JoinedMark(prediction.model(), prediction.version(), prediction.eventMillis())));
        } else if (waiting instanceof JoinedMark joined && joined.model().equals(label.model())) {
            tally(joined.model(), joined.version(), joined.predictionMillis()).quality().addDuplicateLabel();
            metrics.label(label.model(), "duplicate");
        } else if (waiting instanceof LabelFact first && first.model().equals(label.model())) {
            metrics.label(label.model(), "duplicate");
        } else {
            unmatched(label);
        }
    }

    private void join(PredictionFact prediction, LabelFact label) {
        tally(prediction.model(), prediction.version(), prediction.eventMillis()).quality().add(typing.outcome(prediction.prediction(),
                label.label(), prediction.classScores(), prediction.segments(), label.eventMillis() - prediction.eventMillis()));
        metrics.label(label.model(), "joined");
    }

    private void store(String requestId, RequestFact fact) {
        pending.put(requestId, RequestFactCodec.INSTANCE.toBytes(fact));
        indexOf(fact).put(ExpiryKeys.of(fact.expiresAtMillis(maxDelayMillis), requestId), new byte[0]);
    }

    private void expire(String requestId, RequestFact fact) {
        pending.delete(requestId);
        indexOf(fact).delete(ExpiryKeys.of(fact.expiresAtMillis(maxDelayMillis), requestId));
        if (fact instanceof PredictionFact prediction) {
            tally(prediction.model(), prediction.version(), prediction.eventMillis()).quality().addUnlabelled(1);
            metrics.unlabelled(prediction.model(), prediction.version());
        } else if (fact instanceof LabelFact label) {
            unmatched(label);
        }
    }

    private void unmatched(LabelFact label) {
        tally(label.model(), "", label.eventMillis()).quality().addUnmatchedLabel();
        metrics.label(label.model(), "unmatched");
    }

    /**
     * The partial tally of the window holding {@code eventMillis} in the model version's grid. A window with no
     * partial tally yet is where the grid follows a new policy, as the drift windows' does when a window opens.
     */
    private WindowTally tally(String model, String version, long eventMillis) {
        String modelKey = ModelKeys.of(model, version);
        WindowGrid grid = grids.get(modelKey);
        boolean known = grid != null;
        if (grid == null) {
            grid = WindowGrid.of(rules.windowOf(model, version).shape());
        }
        QualityWindowKey key = windowOf(model, version, grid, eventMillis);
        WindowTally tally = deltas.get(key);
        if (tally == null && known && followPolicy(grid, model, version)) {
            key = windowOf(model, version, grid, eventMillis);
            tally = deltas.get(key);
        }
        if (tally == null) {
            tally = new WindowTally(new QualityTally(maxSegmentValues), null);
        }
        deltas.put(key, tally);
        grid.placed(eventMillis);
        grids.put(modelKey, grid);
        return tally;
    }

    private static QualityWindowKey windowOf(String model, String version, WindowGrid grid, long eventMillis) {
        WindowGrid.Span span = grid.spanOf(eventMillis);
        return new QualityWindowKey(model, version, span.startMillis(), span.endMillis(), span.closeAtMillis() - span.endMillis());
    }

    /** @return whether the grid changed: the model version's policy now shapes its windows otherwise */
    private boolean followPolicy(WindowGrid grid, String model, String version) {
        ModelRulesResolver.ModelWindow policy = rules.windowOf(model, version);
        return grid.change(policy.shape(), policy.publishedMillis()) != WindowGrid.Change.NONE;
    }

    private void flush(long wallClockMillis) {
        long quietEventTimeMillis = idle.quietEventTimeMillis(wallClockMillis);
        if (quietEventTimeMillis > eventTimeMillis) {
            eventTimeMillis = quietEventTimeMillis;
            clocks.put(PARTITION_CLOCK, eventTimeMillis);
        }
        if (quietEventTimeMillis != Long.MIN_VALUE) {
            inputs.runOn(quietEventTimeMillis);
        }
        expireDue(wallClockMillis);
        estimations.refresh();
        long completeMillis = inputs.completeMillis(wallClockMillis);
        long predictionsMillis = Math.max(completeMillis, inputs.predictionsMillis(wallClockMillis));
        long timestamp = timestampMillis == Long.MIN_VALUE ? context.currentSystemTimeMs() : timestampMillis;
        Set<String> updatedModels = new HashSet<>();
        for (Map.Entry<QualityWindowKey, WindowTally> delta : deltas.readAll().entrySet()) {
            QualityWindowKey key = delta.getKey();
            context.forward(new Record<>(key.model(), new QualityDelta(key, context.taskId().partition(), completeMillis,
                    predictionsMillis, delta.getValue()), timestamp));
            deltas.delete(key);
            updatedModels.add(key.model());
        }
        if (completeMillis > tickedAtMillis || predictionsMillis > predictionsTickedAtMillis || !updatedModels.isEmpty()) {
            boolean windowsDue = windowCloses(tickedAtMillis, completeMillis, maxDelayMillis)
                    || windowCloses(predictionsTickedAtMillis, predictionsMillis, 0);
            tick(completeMillis, predictionsMillis, timestamp);
            tickedAtMillis = completeMillis;
            predictionsTickedAtMillis = predictionsMillis;
            if (windowsDue) {
                commits.request();
            }
        }
    }

    /**
     * Whether a window of a model this partition has seen closes, {@code delayMillis} after its close time, at an event
     * time in {@code (afterMillis, throughMillis]}: then the tick may make a window final (or its estimate complete),
     * and the aggregator reads it only once committed ({@link CommitOnClose}). Every window of the grid counts, whether
     * this partition holds labels of it or not (the aggregator waits for every partition's tick), so an update requests
     * at most about one commit per window. Each grid's current grace stands for its shapes': a window of an older shape
     * missed here only waits for the regular commit.
     */
    private boolean windowCloses(long afterMillis, long throughMillis, long delayMillis) {
        if (throughMillis <= afterMillis || throughMillis == Long.MIN_VALUE) {
            return false;
        }
        if (afterMillis == Long.MIN_VALUE) {
            return true;
        }
        for (WindowGrid grid : grids.readAll().values()) {
            long graceMillis = grid.current().grace().toMillis();
            long lastEndMillis = throughMillis - delayMillis - graceMillis;
            if (grid.spanOf(lastEndMillis).startMillis() > afterMillis - delayMillis - graceMillis) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ticks every model seen recently with the event time both inputs have passed, after its partial tallies
     * (the repartition keeps their order), and forgets models silent for longer than any of their windows can
     * stay open, with a tick at the end of time that tells the aggregator to stop waiting for this partition.
     */
    private void tick(long completeMillis, long predictionsMillis, long timestamp) {
        long forgetBefore = completeMillis == Long.MIN_VALUE ? Long.MIN_VALUE
                : completeMillis - longestWindowMillis() - maxDelayMillis;
        for (Map.Entry<String, Long> model : clocks.readAll().entrySet()) {
            if (model.getKey().equals(PARTITION_CLOCK) || JoinClocks.isReserved(model.getKey())) {
                continue;
            }
            int partition = context.taskId().partition();
            context.forward(new Record<>(model.getKey(), QualityDelta.tick(model.getKey(), partition, completeMillis, predictionsMillis),
                    timestamp));
            if (model.getValue() < forgetBefore) {
                clocks.delete(model.getKey());
                context.forward(new Record<>(model.getKey(), QualityDelta.tick(model.getKey(), partition, Long.MAX_VALUE, Long.MAX_VALUE),
                        timestamp));
            }
        }
    }

    /** The largest size plus grace of the settings' windows and of every grid's shape in force. */
    private long longestWindowMillis() {
        long longest = windows.size().toMillis() + windows.grace().toMillis();
        for (WindowGrid grid : grids.readAll().values()) {
            WindowShape shape = grid.current();
            longest = Math.max(longest, shape.size().toMillis() + shape.grace().toMillis());
        }
        return longest;
    }

    /** The expiry index of {@code fact}: labels wait on the predictions' clock, everything else on the labels'. */
    private KeyValueStore<Bytes, byte[]> indexOf(RequestFact fact) {
        return fact instanceof LabelFact ? labelExpiry : expiry;
    }

    /** Expires what is due: each index up to the clock its facts wait on. */
    private void expireDue(long wallMillis) {
        expireDue(expiry, inputs.labelsMillis(wallMillis), wallMillis);
        expireDue(labelExpiry, inputs.predictionsMillis(wallMillis), wallMillis);
    }

    /**
     * Scans {@code index} up to {@code clockMillis}. An entry whose fact is gone or has moved on is dropped; a fact
     * not yet due by its own clock (a label in the index of a store written before the label index existed) stays.
     */
    private void expireDue(KeyValueStore<Bytes, byte[]> index, long clockMillis, long wallMillis) {
        if (clockMillis == Long.MIN_VALUE) {
            return;
        }
        List<Bytes> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> range = index.range(ExpiryKeys.upTo(Long.MIN_VALUE), ExpiryKeys.upTo(clockMillis))) {
            while (range.hasNext()) {
                KeyValue<Bytes, byte[]> entry = range.next();
                due.add(entry.key);
            }
        }
        for (Bytes key : due) {
            String requestId = ExpiryKeys.requestId(key);
            byte[] bytes = pending.get(requestId);
            RequestFact fact = bytes == null ? null : RequestFactCodec.INSTANCE.fromBytes(bytes);
            if (fact == null || !ExpiryKeys.of(fact.expiresAtMillis(maxDelayMillis), requestId).equals(key)) {
                index.delete(key);
            } else if (due(fact, wallMillis)) {
                index.delete(key);
                expire(requestId, fact);
            }
        }
    }
}
