package io.driftwatch.topology.drift;

import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.policy.ModelRulesResolver;
import io.driftwatch.topology.policy.ModelRulesSource;
import io.driftwatch.topology.policy.PolicyMetrics;
import io.driftwatch.topology.state.CachedObjectStoreBuilder;
import io.driftwatch.topology.state.ProfilesCodec;
import io.driftwatch.topology.state.StringKeys;
import io.driftwatch.topology.verdict.VerdictSinks;
import io.driftwatch.topology.verdict.WindowVerdict;
import io.driftwatch.topology.window.ClosedWindow;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.jspecify.annotations.Nullable;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The drift stage: for each closed window, its drift report against the baseline (or the previous window), the
 * retraining trigger if a rule fired and the alert event for people, written to their topics in the transaction
 * of the record that closed the window.
 */
public final class DriftTopology {
    public static final String PREVIOUS_WINDOW_STORE = "driftwatch-previous-window";
    public static final String TRIGGER_STATE_STORE = "driftwatch-trigger-state";
    public static final String FEATURE_HISTORY_STORE = "driftwatch-feature-history";
    public static final String EVALUATE_NODE = "drift-evaluate";

    private final DriftwatchConfig config;
    private final WindowComparison comparison;
    private final DriftMetrics metrics;
    private final ModelRulesSource rules;
    private final PolicyMetrics policyMetrics;

    /** @param rules the source of each model version's rules, whose accepted policies are already in the builder */
    public DriftTopology(DriftwatchConfig config, WindowComparison comparison, DriftMetrics metrics, ModelRulesSource rules,
                         PolicyMetrics policyMetrics) {
        this.config = requireNonNull(config, "config");
        this.comparison = requireNonNull(comparison, "comparison");
        this.metrics = requireNonNull(metrics, "metrics");
        this.rules = requireNonNull(rules, "rules");
        this.policyMetrics = requireNonNull(policyMetrics, "policyMetrics");
    }

    /**
     * @param baselinesStore   the global store of baselines, already in {@code builder}
     * @param performanceStore the global store of the windows' performance, already in {@code builder}; null where
     *                         quality is not measured
     */
    public void addTo(StreamsBuilder builder, KStream<String, ClosedWindow> closed, String baselinesStore,
                      @Nullable String performanceStore) {
        Map<String, String> compacted = Map.of("cleanup.policy", "compact");
        builder.addStateStore(new CachedObjectStoreBuilder<>(PREVIOUS_WINDOW_STORE, StringKeys.CODEC, ProfilesCodec.INSTANCE)
                .withLoggingEnabled(compacted));
        builder.addStateStore(new CachedObjectStoreBuilder<>(TRIGGER_STATE_STORE, StringKeys.CODEC, new TriggerStateCodec())
                .withLoggingEnabled(compacted));
        builder.addStateStore(new CachedObjectStoreBuilder<>(FEATURE_HISTORY_STORE, StringKeys.CODEC, new FeatureHistoryCodec())
                .withLoggingEnabled(compacted));
        KStream<String, WindowVerdict<DriftReport>> verdicts = closed.process(() -> new DriftEvaluator(baselinesStore, performanceStore,
                        comparison, new ModelRulesResolver(rules, policyMetrics), config.windowMinRecords(), metrics),
                Named.as(EVALUATE_NODE), PREVIOUS_WINDOW_STORE, TRIGGER_STATE_STORE, FEATURE_HISTORY_STORE);
        VerdictSinks.route(verdicts, "drift-", Topics.DRIFT_REPORTS, config);
    }
}
