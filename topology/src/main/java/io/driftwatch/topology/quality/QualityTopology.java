package io.driftwatch.topology.quality;

import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.policy.ModelRulesResolver;
import io.driftwatch.topology.policy.ModelRulesSource;
import io.driftwatch.topology.policy.PolicyMetrics;
import io.driftwatch.topology.quality.RequestFact.LabelFact;
import io.driftwatch.topology.quality.RequestFact.PredictionFact;
import io.driftwatch.topology.state.CachedObjectStoreBuilder;
import io.driftwatch.topology.state.StringKeys;
import io.driftwatch.topology.verdict.VerdictSinks;
import io.driftwatch.topology.verdict.WindowVerdict;
import io.driftwatch.topology.window.WindowGrid;
import io.driftwatch.topology.window.WindowShape;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Wires label quality into a driftwatch topology: predictions (only the fields quality needs) and labels are
 * repartitioned together by request id, joined ({@link LabelJoiner}), their partial tallies repartitioned by
 * model and merged ({@link QualityAggregator}), and quality reports, quality triggers and their alert events
 * written to the quality-reports, triggers and alerts topics. Repartitioning by request id does not assume
 * the producers keyed both topics alike; the second repartition carries one partial tally per partition,
 * window and update interval, not one record per prediction.
 */
public final class QualityTopology {
    public static final String PENDING_STORE = "driftwatch-quality-pending";
    public static final String EXPIRY_STORE = "driftwatch-quality-expiry";
    public static final String LABEL_EXPIRY_STORE = "driftwatch-quality-label-expiry";
    public static final String DELTA_STORE = "driftwatch-quality-deltas";
    public static final String JOIN_CLOCK_STORE = "driftwatch-quality-join-clock";
    public static final String JOIN_GRIDS_STORE = "driftwatch-quality-window-grids";
    public static final String WINDOW_STORE = "driftwatch-quality-windows";
    public static final String CLOCK_STORE = "driftwatch-quality-clock";
    public static final String HISTORY_STORE = "driftwatch-quality-history";
    public static final String JOIN_NODE = "quality-join";
    public static final String AGGREGATE_NODE = "quality-aggregate";

    private final DriftwatchConfig config;
    private final QualityMetrics metrics;
    private final ModelRulesSource rules;
    private final PolicyMetrics policyMetrics;

    /** @param rules the source of each model version's rules, whose accepted policies are already in the builder */
    public QualityTopology(DriftwatchConfig config, QualityMetrics metrics, ModelRulesSource rules, PolicyMetrics policyMetrics) {
        this.config = requireNonNull(config, "config");
        this.metrics = requireNonNull(metrics, "metrics");
        this.rules = requireNonNull(rules, "rules");
        this.policyMetrics = requireNonNull(policyMetrics, "policyMetrics");
    }

    /** @param baselinesStore the global store of baselines, already in {@code builder} */
    /** @param joinPartitions partitions of the request-id repartition topic (the input topics' partition count) */
    public void addTo(StreamsBuilder builder, KStream<String, InferenceLog> inferences, KStream<String, FeedbackLabel> labels,
                      String baselinesStore, int joinPartitions) {
        QualityStores stores = new QualityStores(PENDING_STORE, EXPIRY_STORE, LABEL_EXPIRY_STORE, DELTA_STORE, JOIN_CLOCK_STORE, JOIN_GRIDS_STORE,
                WINDOW_STORE, CLOCK_STORE, HISTORY_STORE, baselinesStore);
        Map<String, String> compacted = Map.of("cleanup.policy", "compact");
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_STORE), Serdes.String(),
                Serdes.ByteArray()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EXPIRY_STORE), Serdes.Bytes(),
                Serdes.ByteArray()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LABEL_EXPIRY_STORE), Serdes.Bytes(),
                Serdes.ByteArray()).withCachingEnabled());
        WindowShape legacy = config.windows().shape();
        builder.addStateStore(new CachedObjectStoreBuilder<>(DELTA_STORE, QualityWindowKey.codec(legacy), WindowTally.CODEC)
                .withLoggingEnabled(compacted));
        builder.addStateStore(new CachedObjectStoreBuilder<>(JOIN_CLOCK_STORE, StringKeys.CODEC, MillisCodec.INSTANCE)
                .withLoggingEnabled(compacted));
        builder.addStateStore(new CachedObjectStoreBuilder<>(JOIN_GRIDS_STORE, StringKeys.CODEC, WindowGrid.CODEC)
                .withLoggingEnabled(compacted));
        builder.addStateStore(new CachedObjectStoreBuilder<>(WINDOW_STORE, QualityWindowKey.codec(legacy), QualityWindowState.CODEC)
                .withLoggingEnabled(compacted));
        builder.addStateStore(new CachedObjectStoreBuilder<>(CLOCK_STORE, StringKeys.CODEC, MillisCodec.INSTANCE)
                .withLoggingEnabled(compacted));
        builder.addStateStore(new CachedObjectStoreBuilder<>(HISTORY_STORE, StringKeys.CODEC, QualityHistory.CODEC)
                .withLoggingEnabled(compacted));

        KStream<String, RequestFact> predictions = inferences.mapValues(log -> (RequestFact) PredictionFact.of(log),
                Named.as("quality-predictions"));
        KStream<String, RequestFact> labelled = labels.mapValues(label -> (RequestFact) LabelFact.of(label), Named.as("quality-labels"));
        KStream<String, WindowVerdict<QualityReport>> verdicts = predictions.merge(labelled, Named.as("quality-facts"))
                .repartition(Repartitioned.with(Serdes.String(), RequestFactCodec.INSTANCE.serde()).withName("quality-by-request")
                        .withNumberOfPartitions(joinPartitions))
                .process(() -> new LabelJoiner(stores, config.windows(), config.labelsMaxDelay(), config.qualityUpdateInterval(),
                        config.qualitySegmentValuesMax(), config.qualityTyping(), new ModelRulesResolver(rules, policyMetrics), metrics),
                        Named.as(JOIN_NODE), PENDING_STORE, EXPIRY_STORE, LABEL_EXPIRY_STORE, DELTA_STORE, JOIN_CLOCK_STORE, JOIN_GRIDS_STORE)
                .repartition(Repartitioned.with(Serdes.String(), QualityDelta.serde(legacy)).withName("quality-by-model"))
                .process(() -> new QualityAggregator(stores, config.windows(), config.labelsMaxDelay(), config.qualityUpdateInterval(),
                        config.qualitySegmentValuesMax(), joinPartitions, new ModelRulesResolver(rules, policyMetrics), metrics),
                        Named.as(AGGREGATE_NODE), WINDOW_STORE, CLOCK_STORE, HISTORY_STORE);

        VerdictSinks.route(verdicts, "quality-", Topics.QUALITY_REPORTS, config);
    }
}
