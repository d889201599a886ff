package io.driftwatch.topology.drift;

import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.ComparisonBasis;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.stats.compare.DatasetVerdict;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.multivariate.ReconstructionReference;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.topology.multivariate.MultivariateDriftRecords;
import io.driftwatch.topology.performance.WindowPerformanceStore;
import io.driftwatch.topology.performance.WindowPerformances;
import io.driftwatch.topology.policy.ModelRules;
import io.driftwatch.topology.policy.ModelRulesResolver;
import io.driftwatch.topology.state.CachedObjectStore;
import io.driftwatch.topology.trigger.TriggerDecider;
import io.driftwatch.topology.trigger.TriggerState;
import io.driftwatch.topology.verdict.VerdictLog;
import io.driftwatch.topology.verdict.WindowVerdict;
import io.driftwatch.topology.window.ClosedWindow;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Evaluates each closed window once: compares it with the model version's training baseline, or with the
 * previous window when there is none (and says so in the report), applies the trigger rules, and emits the
 * drift report, the trigger if one fired, and the alert event for people. The tests, thresholds and trigger rules
 * are the model version's when the window closes ({@link ModelRulesResolver}), and the report names their policy;
 * the columns that policy excludes are left out of both sides, so they are neither tested nor expected.
 * Everything it emits is written in the same transaction as the offsets and state that led to it.
 */
final class DriftEvaluator implements Processor<String, ClosedWindow, String, WindowVerdict<DriftReport>> {
    private final String baselineStoreName;
    private final @Nullable String performanceStoreName;
    private final WindowComparison comparison;
    private BaselineLookup baselines;
    private final ModelRulesResolver rules;
    private final long minimumRecords;
    private final DriftMetrics metrics;
    private ProcessorContext<String, WindowVerdict<DriftReport>> context;
    private CachedObjectStore<String, FeatureProfiles> previousWindows;
    private CachedObjectStore<String, TriggerState> triggerStates;
    private CachedObjectStore<String, FeatureHistory> histories;
    private @Nullable KeyValueStore<String, WindowPerformances> performances;

    /**
     * Reads and writes the stores {@link DriftTopology} names.
     *
     * @param baselineStoreName    the global store of baselines
     * @param performanceStoreName the global store of the windows' performance ({@link WindowPerformanceStore}); null
     *                             where quality is not measured, and features are then ranked by alert count
     */
    DriftEvaluator(String baselineStoreName, @Nullable String performanceStoreName, WindowComparison comparison,
                   ModelRulesResolver rules, long minimumRecords, DriftMetrics metrics) {
        this.baselineStoreName = requireNonNull(baselineStoreName, "baselineStoreName");
        this.performanceStoreName = performanceStoreName;
        this.comparison = requireNonNull(comparison, "comparison");
        this.rules = requireNonNull(rules, "rules");
        this.minimumRecords = minimumRecords;
        this.metrics = requireNonNull(metrics, "metrics");
    }

    @Override
    public void init(ProcessorContext<String, WindowVerdict<DriftReport>> context) {
        this.context = context;
        this.previousWindows = context.getStateStore(DriftTopology.PREVIOUS_WINDOW_STORE);
        this.triggerStates = context.getStateStore(DriftTopology.TRIGGER_STATE_STORE);
        this.histories = context.getStateStore(DriftTopology.FEATURE_HISTORY_STORE);
        this.performances = performanceStoreName == null ? null : context.getStateStore(performanceStoreName);
        this.baselines = new StoredBaselines(context.getStateStore(baselineStoreName));
        rules.init(context);
    }

    @Override
    public void process(Record<String, ClosedWindow> record) {
        ClosedWindow closed = record.value();
        String modelKey = closed.window().modelKey();
        ModelRules judgedBy = rules.rulesOf(closed.window().model(), closed.window().version());
        Map<String, ColumnProfile> current = features(closed.profiles().profiles(), judgedBy);
        Optional<BaselineLookup.Reference> baseline = baselines.find(closed.window().model(), closed.window().version());
        FeatureProfiles previous = previousWindows.get(modelKey);
        ComparisonBasis basis = baseline.isPresent() ? ComparisonBasis.BASELINE
                : previous != null ? ComparisonBasis.PREVIOUS_WINDOW : ComparisonBasis.NONE;
        Map<String, ColumnProfile> reference = features(baseline.map(BaselineLookup.Reference::profiles)
                .orElse(previous != null ? previous.profiles() : Map.of()), judgedBy);
        String withheld = withheld(basis, closed.profiles().records());
        DriftComparison compared = basis == ComparisonBasis.NONE
                ? new DriftComparison(Map.of(), List.of(), DatasetVerdict.of(0, 0, 0, judgedBy.comparison().datasetDriftShare()))
                : comparison.compare(judgedBy.comparison(), reference, current,
                        baseline.map(BaselineLookup.Reference::thresholdsByColumn).orElse(Map.of()),
                        baseline.map(BaselineLookup.Reference::chosenTests).orElse(Map.of()));
        DriftReport report = DriftReportRecords.of(closed.window(), compared,
                basis, baseline.map(BaselineLookup.Reference::baselineId).orElse(null), closed.profiles().records(), withheld,
                judgedBy.policyId());
        ReconstructionReference multivariate = baseline.map(BaselineLookup.Reference::multivariate).orElse(null);
        if (multivariate != null) {
            report.setMultivariate(MultivariateDriftRecords.of(baseline.get().baselineId(), multivariate,
                    closed.profiles().reconstructionErrors()));
        }
        if (judgedBy.ranking().enabled() && basis != ComparisonBasis.NONE && withheld == null) {
            FeatureHistory history = FeatureRankings.record(Optional.ofNullable(histories.get(modelKey))
                    .orElse(FeatureHistory.EMPTY), report, judgedBy.ranking().windows());
            histories.put(modelKey, history);
            report.setFeatureRanking(FeatureRankings.of(history, judgedBy.ranking(),
                    performances == null ? null : performances.get(modelKey)));
        }
        metrics.report(report);
        VerdictLog.closed(report);

        TriggerState state = Optional.ofNullable(triggerStates.get(modelKey)).orElse(TriggerState.INITIAL);
        TriggerDecider.Decision decision = TriggerDecider.decide(judgedBy.triggers(), report, state);
        triggerStates.put(modelKey, decision.next());
        RetrainingTrigger trigger = decision.trigger().orElse(null);
        if (trigger != null) {
            metrics.trigger(trigger);
            VerdictLog.trigger(trigger);
        }
        AlertEvent alert = AlertEvents.of(report, trigger, reference, current).orElse(null);
        if (alert != null) {
            metrics.alert(alert);
        }
        context.forward(record.withValue(new WindowVerdict<>(report, trigger, alert)));
        // A window too small for a verdict is a poor reference too; it serves only until a full one exists.
        if (closed.profiles().records() >= minimumRecords || previous == null) {
            previousWindows.put(modelKey, closed.profiles());
        }
    }

    private static Map<String, ColumnProfile> features(Map<String, ColumnProfile> profiles, ModelRules judgedBy) {
        if (judgedBy.excludedColumns().isEmpty()) {
            return profiles;
        }
        Map<String, ColumnProfile> features = new LinkedHashMap<>(profiles);
        features.keySet().removeAll(judgedBy.excludedColumns());
        return features;
    }

    private @Nullable String withheld(ComparisonBasis basis, long records) {
        if (basis == ComparisonBasis.NONE) {
            return "first window of a model version without a baseline: nothing to compare with yet";
        }
        if (records < minimumRecords) {
            return records + " records, fewer than the minimum of " + minimumRecords + " for a verdict";
        }
        return null;
    }
}
