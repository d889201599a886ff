package io.driftwatch.topology.window;

import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.topology.policy.AcceptedPolicies;
import io.driftwatch.topology.policy.ModelRulesResolver;
import io.driftwatch.topology.policy.ModelRulesSource;
import io.driftwatch.topology.policy.PolicyMetrics;
import io.driftwatch.topology.state.BytesCodec;
import io.driftwatch.topology.state.CachedObjectStoreBuilder;
import io.driftwatch.topology.state.ProfilesCodec;
import io.driftwatch.topology.state.StringKeys;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.jspecify.annotations.Nullable;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Wires the two windowing stages: partial profiles per input partition, each model's windows cut as its policy says,
 * a repartition topic keyed by model version (watermarks go to all its partitions), and the merge that closes each
 * window once. Store and node names are constants, so changelogs and repartition topics keep their names across
 * versions of the topology; their formats carry a version byte, and records of the format before per-model windows
 * are read as windows of the settings' shape.
 */
public final class WindowTopology {
    public static final String PARTIAL_WINDOWS_STORE = "driftwatch-partial-windows";
    public static final String MERGED_WINDOWS_STORE = "driftwatch-merged-windows";
    public static final String WATERMARKS_STORE = "driftwatch-partition-watermarks";
    public static final String GRIDS_STORE = "driftwatch-window-grids";
    public static final String AGGREGATE_NODE = "window-aggregate";
    public static final String PARTIALS_REPARTITION = "window-partials";
    public static final String MERGE_NODE = "window-merge";

    private final WindowSpec windows;
    private final NumericProfileConfig numericConfig;
    private final CategoricalProfileConfig categoricalConfig;
    private final int inputPartitions;
    private final ModelRulesSource rules;
    private final PolicyMetrics policyMetrics;
    private final WindowMetrics metrics;

    /**
     * @param windows         the settings' windows, for models whose policy does not shape their own, and the merge
     *                        delay, maximum lead and idle close of every model
     * @param inputPartitions partitions of the inferences topic: the merge stage closes a window once this
     *                        many partitions' watermarks have passed it
     * @param rules           each model version's window shape; read from the store {@link AcceptedPolicies} adds
     */
    public WindowTopology(WindowSpec windows, NumericProfileConfig numericConfig, CategoricalProfileConfig categoricalConfig,
                          int inputPartitions, ModelRulesSource rules, PolicyMetrics policyMetrics, WindowMetrics metrics) {
        this.windows = requireNonNull(windows, "windows");
        this.rules = requireNonNull(rules, "rules");
        this.policyMetrics = requireNonNull(policyMetrics, "policyMetrics");
        this.numericConfig = requireNonNull(numericConfig, "numericConfig");
        this.categoricalConfig = requireNonNull(categoricalConfig, "categoricalConfig");
        this.metrics = requireNonNull(metrics, "metrics");
        if (inputPartitions < 1) {
            throw new IllegalArgumentException("inputPartitions must be at least 1, got " + inputPartitions);
        }
        this.inputPartitions = inputPartitions;
    }

    /** The closed windows of every model version, keyed {@code model/version}, each exactly once; none scored. */
    public KStream<String, ClosedWindow> closedWindows(StreamsBuilder builder, KStream<String, InferenceLog> inferences) {
        return closedWindows(builder, inferences, null);
    }

    /**
     * The closed windows of every model version, keyed {@code model/version}, each exactly once.
     *
     * @param baselinesStore the global store of baselines: each inference of a version whose baseline holds a
     *                       multivariate fit is scored with it; null scores none
     */
    public KStream<String, ClosedWindow> closedWindows(StreamsBuilder builder, KStream<String, InferenceLog> inferences,
                                                       @Nullable String baselinesStore) {
        BytesCodec<WindowKey> keys = WindowKey.codec(windows.size());
        builder.addStateStore(new CachedObjectStoreBuilder<>(PARTIAL_WINDOWS_STORE, keys, ProfilesCodec.INSTANCE)
                .withLoggingEnabled(Map.of()));
        builder.addStateStore(new CachedObjectStoreBuilder<>(GRIDS_STORE, StringKeys.CODEC, WindowGrid.CODEC)
                .withLoggingEnabled(Map.of("cleanup.policy", "compact")));
        builder.addStateStore(new CachedObjectStoreBuilder<>(MERGED_WINDOWS_STORE, keys, MergedWindow.CODEC)
                .withLoggingEnabled(Map.of()));
        builder.addStateStore(new CachedObjectStoreBuilder<>(WATERMARKS_STORE, StringKeys.CODEC,
                PartitionWatermarks.codec(windows.shape())).withLoggingEnabled(Map.of("cleanup.policy", "compact")));
        return inferences
                .process(() -> new WindowAggregator(PARTIAL_WINDOWS_STORE, GRIDS_STORE, windows, numericConfig, categoricalConfig,
                        new ModelRulesResolver(rules, policyMetrics), metrics, baselinesStore), Named.as(AGGREGATE_NODE),
                        PARTIAL_WINDOWS_STORE, GRIDS_STORE)
                .repartition(Repartitioned.with(Serdes.String(), MergeInput.serde(windows.shape())).withName(PARTIALS_REPARTITION)
                        .withStreamPartitioner(new MergeInputPartitioner()))
                .process(() -> new WindowMerger(MERGED_WINDOWS_STORE, WATERMARKS_STORE, windows, inputPartitions, metrics),
                        Named.as(MERGE_NODE), MERGED_WINDOWS_STORE, WATERMARKS_STORE);
    }
}
