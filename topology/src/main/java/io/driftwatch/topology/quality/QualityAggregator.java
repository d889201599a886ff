package io.driftwatch.topology.quality;

import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.EstimatedPerformance;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.stats.estimate.BusinessValue;
import io.driftwatch.stats.quality.BinaryConfusion;
import io.driftwatch.stats.quality.BusinessValueMatrix;
import io.driftwatch.stats.quality.OutcomeChoices;
import io.driftwatch.stats.quality.QualitySummary;
import io.driftwatch.stats.quality.QualityTally;
import io.driftwatch.topology.estimate.EstimateTally;
import io.driftwatch.topology.estimate.EstimatedPerformanceRecords;
import io.driftwatch.topology.estimate.StoredEstimations;
import io.driftwatch.topology.policy.ModelRules;
import io.driftwatch.topology.policy.ModelRulesResolver;
import io.driftwatch.topology.state.CachedObjectStore;
import io.driftwatch.topology.trigger.EstimatedTriggerDecider;
import io.driftwatch.topology.trigger.QualityTriggerDecider;
import io.driftwatch.topology.verdict.VerdictLog;
import io.driftwatch.topology.verdict.WindowVerdict;
import io.driftwatch.topology.window.CommitOnClose;
import io.driftwatch.topology.window.ModelKeys;
import io.driftwatch.topology.window.WindowSpec;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Second stage, keyed by model: merges the join partitions' partial tallies into one per model version and
 * window of prediction time, writes an updated quality report for each window that changed every update
 * interval (wall clock), and the final report once the model's event time passes window end + maximum label
 * delay + grace. Each report is read (its positive class, its business value) and judged by the rules the model
 * version has when it is written ({@link ModelRulesResolver}). The model's event time is the least over the join partitions that have ticked for it (a
 * tick follows a partition's partial tallies), so a partition running ahead cannot close windows another
 * still holds labels for; a partial tally after that is counted late ({@code driftwatch.quality.updates.late}), never
 * reopens the window. Each report goes through the quality rules; a trigger fires at most once per window,
 * with its alert event for people, in the same transaction as the report and the state that led to it. The final report's metrics become the
 * version's previous-window reference. A final report, a completed estimate or a trigger requests a commit
 * ({@link CommitOnClose}), so it is readable without waiting out the commit interval.
 */
final class QualityAggregator implements Processor<String, QualityDelta, String, WindowVerdict<QualityReport>> {
    /** Marks a join partition's predictions clock in the clock store, apart from its clock of both inputs. */
    private static final String PREDICTIONS_CLOCK = "p";
    private final QualityStores stores;
    private final WindowSpec windows;
    private final long maxDelayMillis;
    private final Duration updateInterval;
    private final int maxSegmentValues;
    private final int joinPartitions;
    private final ModelRulesResolver rules;
    private final QualityMetrics metrics;
    private final TreeSet<QualityWindowKey> open = new TreeSet<>(QualityWindowKey.ORDER);
    private final TreeSet<QualityWindowKey> changed = new TreeSet<>(QualityWindowKey.ORDER);
    private final Map<String, Map<Integer, Long>> partitionClocks = new HashMap<>();
    private final Map<String, Map<Integer, Long>> predictionClocks = new HashMap<>();
    private ProcessorContext<String, WindowVerdict<QualityReport>> context;
    private CommitOnClose commits;
    private CachedObjectStore<QualityWindowKey, QualityWindowState> windowStates;
    private CachedObjectStore<String, Long> clocks;
    private CachedObjectStore<String, QualityHistory> histories;
    private TimestampedKeyValueStore<String, Baseline> baselines;
    private StoredEstimations estimations;
    private long timestampMillis = Long.MIN_VALUE;

    /** @param joinPartitions partitions of the request-id repartition topic: the join tasks whose ticks to wait for */
    QualityAggregator(QualityStores stores, WindowSpec windows, Duration maxDelay, Duration updateInterval,
                      int maxSegmentValues, int joinPartitions, ModelRulesResolver rules, QualityMetrics metrics) {
        this.joinPartitions = joinPartitions;
        this.stores = requireNonNull(stores, "stores");
        this.windows = requireNonNull(windows, "windows");
        this.maxDelayMillis = maxDelay.toMillis();
        this.updateInterval = requireNonNull(updateInterval, "updateInterval");
        this.maxSegmentValues = maxSegmentValues;
        this.rules = requireNonNull(rules, "rules");
        this.metrics = requireNonNull(metrics, "metrics");
    }

    @Override
    public void init(ProcessorContext<String, WindowVerdict<QualityReport>> context) {
        this.context = context;
        this.commits = new CommitOnClose(context);
        this.windowStates = context.getStateStore(stores.windows());
        this.clocks = context.getStateStore(stores.clocks());
        this.histories = context.getStateStore(stores.history());
        this.baselines = context.getStateStore(stores.baselines());
        this.estimations = new StoredEstimations(baselines);
        rules.init(context);
        open.addAll(windowStates.readAll().keySet());
        clocks.readAll().forEach((key, millis) -> {
            String model = key.substring(0, key.lastIndexOf('\u0000'));
            String partition = key.substring(key.lastIndexOf('\u0000') + 1);
            boolean predictions = partition.startsWith(PREDICTIONS_CLOCK);
            (predictions ? predictionClocks : partitionClocks).computeIfAbsent(model, m -> new HashMap<>())
                    .put(Integer.parseInt(predictions ? partition.substring(1) : partition), millis);
        });
        context.schedule(updateInterval, PunctuationType.WALL_CLOCK_TIME, now -> {
            estimations.refresh();
            emitUpdates();
        });
    }

    private long finalAt(QualityWindowKey key) {
        return key.endMillis() + maxDelayMillis + key.graceMillis();
    }

    @Override
    public void process(Record<String, QualityDelta> record) {
        timestampMillis = Math.max(timestampMillis, record.timestamp());
        QualityDelta delta = record.value();
        if (delta == null) {
            return;
        }
        Map<Integer, Long> partitions = partitionClocks.computeIfAbsent(delta.model(), model -> new HashMap<>());
        WindowTally tally = delta.tally();
        if (tally == null) {
            Map<Integer, Long> predictions = predictionClocks.computeIfAbsent(delta.model(), model -> new HashMap<>());
            partitions.put(delta.partition(), delta.asOfMillis());
            predictions.put(delta.partition(), delta.predictionsAsOfMillis());
            clocks.put(delta.model() + '\u0000' + delta.partition(), delta.asOfMillis());
            clocks.put(delta.model() + '\u0000' + PREDICTIONS_CLOCK + delta.partition(), delta.predictionsAsOfMillis());
            finishDue(delta.model(), modelClock(partitions), modelClock(predictions));
            return;
        }
        Long clock = partitions.isEmpty() ? null : modelClock(partitions);
        QualityWindowKey key = delta.window();
        if (!open.contains(key) && clock != null && finalAt(key) <= clock) {
            metrics.lateUpdate(delta.model());
            return;
        }
        QualityWindowState state = windowStates.get(key);
        if (state == null) {
            state = new QualityWindowState(new WindowTally(new QualityTally(maxSegmentValues), null), false, false);
        }
        state.tally().merge(tally);
        windowStates.put(key, state);
        open.add(key);
        changed.add(key);
    }

    /**
     * A model's event time: the least of all join partitions' (one that has not ticked yet counts as the
     * beginning of time), so no window is final while a partition may still hold labels for it; but never
     * more than the merge delay behind the most advanced partition, so a partition that never sees the model
     * holds nothing back for ever (the drift merge stage's valve).
     */
    private long modelClock(Map<Integer, Long> partitions) {
        long least = partitions.size() < joinPartitions ? Long.MIN_VALUE
                : partitions.values().stream().mapToLong(Long::longValue).min().orElse(Long.MIN_VALUE);
        long most = partitions.values().stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
        long valve = most == Long.MIN_VALUE ? Long.MIN_VALUE : most - windows.mergeDelay().toMillis();
        return Math.max(least, valve);
    }

    /**
     * @param clock            the model's event time both inputs have passed: what makes a window final
     * @param predictionsClock the model's event time its predictions have passed: what completes a window's estimate
     */
    private void finishDue(String model, long clock, long predictionsClock) {
        List<QualityWindowKey> due = new ArrayList<>();
        List<QualityWindowKey> estimated = new ArrayList<>();
        for (QualityWindowKey key : open) {
            if (key.model().equals(model) && finalAt(key) <= clock) {
                due.add(key);
            } else if (key.model().equals(model) && !key.version().isEmpty() && estimateCompleteAt(key) <= predictionsClock) {
                estimated.add(key);
            }
        }
        for (QualityWindowKey key : estimated) {
            QualityWindowState state = windowStates.get(key);
            if (state != null && state.tally().estimate() != null && !state.estimateJudged()) {
                QualityWindowState unmatched = windowStates.get(key.withVersion(""));
                report(key, state, unmatched == null ? 0 : unmatched.tally().quality().unmatchedLabels(), false);
                changed.remove(key);
                // Judged once, even when the baseline lost its fit since and the report could carry no estimate.
                state.markEstimateJudged();
                windowStates.put(key, state);
            }
        }
        Map<QualityWindowKey, Long> unmatchedByWindow = new HashMap<>();
        for (QualityWindowKey key : due) {
            QualityWindowState state = windowStates.get(key);
            if (key.version().isEmpty()) {
                unmatchedByWindow.put(key, state == null ? 0 : state.tally().quality().unmatchedLabels());
            } else if (state != null) {
                report(key, state, unmatchedByWindow.getOrDefault(key.withVersion(""), 0L), true);
            }
            windowStates.delete(key);
            open.remove(key);
            changed.remove(key);
        }
    }

    private void emitUpdates() {
        for (QualityWindowKey key : changed) {
            QualityWindowState state = windowStates.get(key);
            if (!key.version().isEmpty() && state != null) {
                QualityWindowState unmatched = windowStates.get(key.withVersion(""));
                report(key, state, unmatched == null ? 0 : unmatched.tally().quality().unmatchedLabels(), false);
            }
        }
        changed.clear();
    }

    private void report(QualityWindowKey key, QualityWindowState state, long unmatchedLabels, boolean isFinal) {
        String modelKey = ModelKeys.of(key.model(), key.version());
        QualityHistory history = histories.get(modelKey);
        if (history == null) {
            history = QualityHistory.NONE;
        }
        long endMillis = key.endMillis();
        ModelRules judgedBy = rules.rulesOf(key.model(), key.version());
        Optional<StoredEstimations.Estimation> estimation = estimations.of(modelKey);
        QualitySummary summary = outcomeOf(judgedBy, estimation).summary(state.tally().quality());
        boolean estimateComplete = isFinal || estimateCompleteAt(key) <= predictionsClockOf(key.model());
        QualityReport report = QualityReportRecords.of(key, endMillis, summary, unmatchedLabels, isFinal,
                baselineMetrics(modelKey), history.previousMetrics(), judgedBy.policyId(),
                estimated(estimation, state, judgedBy, summary, estimateComplete));
        long timestamp = timestampMillis == Long.MIN_VALUE ? context.currentSystemTimeMs() : timestampMillis;
        metrics.report(report);
        if (isFinal) {
            VerdictLog.finalQuality(report);
        }
        WindowVerdict<QualityReport> verdict = WindowVerdict.reportOnly(report);
        long lastTrigger = history.lastTriggerMillis();
        boolean judgeEstimate = report.getEstimated() != null && report.getEstimated().getComplete() && !state.estimateJudged();
        if (judgeEstimate) {
            state.markEstimateJudged();
            windowStates.put(key, state);
            VerdictLog.completeEstimate(report);
        }
        if (!state.triggered()) {
            QualityTriggerDecider.Decision decision = judgeEstimate
                    ? EstimatedTriggerDecider.decide(judgedBy.estimated(), report, lastTrigger)
                    : QualityTriggerDecider.Decision.NONE;
            if (decision.fired().isEmpty() && !decision.suppressed()) {
                decision = QualityTriggerDecider.decide(judgedBy.quality(), report, lastTrigger);
            }
            if (decision.fired().isPresent()) {
                QualityTriggerDecider.Fired fired = decision.fired().get();
                AlertEvent alert = QualityAlertEvents.of(report, fired);
                verdict = new WindowVerdict<>(report, fired.trigger(), alert);
                metrics.trigger(fired.trigger());
                VerdictLog.trigger(fired.trigger());
                metrics.alert(alert);
                state.markTriggered();
                windowStates.put(key, state);
                lastTrigger = endMillis;
            } else if (decision.suppressed()) {
                metrics.suppressedTrigger(key.model(), key.version());
            }
        }
        context.forward(new Record<>(modelKey, verdict, timestamp));
        if (isFinal || judgeEstimate || verdict.trigger() != null) {
            commits.request();
        }
        Map<String, Double> previous = isFinal ? report.getMetrics() : history.previousMetrics();
        if (isFinal || lastTrigger != history.lastTriggerMillis()) {
            histories.put(modelKey, new QualityHistory(previous, lastTrigger));
        }
    }

    /** When a window's estimate is complete: no prediction can join it once its grace has passed. */
    private static long estimateCompleteAt(QualityWindowKey key) {
        return key.endMillis() + key.graceMillis();
    }

    private long predictionsClockOf(String model) {
        Map<Integer, Long> partitions = predictionClocks.get(model);
        return partitions == null || partitions.isEmpty() ? Long.MIN_VALUE : modelClock(partitions);
    }

    /**
     * The model's outcome choices, with the positive class of its baseline's binary CBPE fit when its policy names
     * none: the owner named it when fitting, and the realized figures beside the estimates must be of the same class.
     */
    private static OutcomeChoices outcomeOf(ModelRules judgedBy, Optional<StoredEstimations.Estimation> estimation) {
        OutcomeChoices outcome = judgedBy.outcome();
        if (outcome.positiveClass() == null && estimation.isPresent()
                && estimation.get() instanceof StoredEstimations.Binary binary) {
            return new OutcomeChoices(binary.reference().positiveClass(), outcome.businessValue());
        }
        return outcome;
    }

    private static @Nullable EstimatedPerformance estimated(Optional<StoredEstimations.Estimation> estimation,
                                                            QualityWindowState state, ModelRules judgedBy,
                                                            QualitySummary summary, boolean complete) {
        EstimateTally tally = state.tally().estimate();
        if (tally == null || estimation.isEmpty()) {
            return null;
        }
        BusinessValueMatrix matrix = judgedBy.outcome().businessValue();
        return EstimatedPerformanceRecords.of(estimation.get(), tally, matrix == null ? null : new BusinessValue(matrix, false),
                realizedBeside(estimation.get(), summary), complete);
    }

    /**
     * The realized metrics an estimate is shown beside: all of them, but a binary model's positive-class figures
     * only when its policy's positive class is the one its fit estimates (a policy may name another).
     */
    private static Map<String, Double> realizedBeside(StoredEstimations.Estimation estimation, QualitySummary summary) {
        BinaryConfusion binary = summary.binary();
        if (!(estimation instanceof StoredEstimations.Binary fit) || binary == null
                || binary.positiveClass().equals(fit.reference().positiveClass())) {
            return summary.metrics();
        }
        Map<String, Double> symmetric = new HashMap<>(summary.metrics());
        symmetric.keySet().retainAll(Set.of("accuracy", "roc_auc"));
        return symmetric;
    }

    private Map<String, Double> baselineMetrics(String modelKey) {
        ValueAndTimestamp<Baseline> stored = baselines.get(modelKey);
        if (stored == null || stored.value() == null || stored.value().getQuality() == null) {
            return Map.of();
        }
        return stored.value().getQuality().getMetrics();
    }
}
