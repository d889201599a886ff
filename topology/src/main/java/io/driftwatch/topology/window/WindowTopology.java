package io.driftwatch.topology.window;

import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.topology.state.CachedObjectStoreBuilder;
import io.driftwatch.topology.state.ProfilesCodec;
import io.driftwatch.topology.state.StringKeys;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Wires the two windowing stages: partial profiles per input partition, a repartition topic keyed by model
 * version (watermarks go to all its partitions), and the merge that closes each window once. Store and node names are constants, so changelogs
 * and repartition topics keep their names across versions of the topology.
 */
public final class WindowTopology {
    public static final String PARTIAL_WINDOWS_STORE = "driftwatch-partial-windows";
    public static final String MERGED_WINDOWS_STORE = "driftwatch-merged-windows";
    public static final String WATERMARKS_STORE = "driftwatch-partition-watermarks";
    public static final String AGGREGATE_NODE = "window-aggregate";
    public static final String PARTIALS_REPARTITION = "window-partials";
    public static final String MERGE_NODE = "window-merge";

    private final WindowSpec windows;
    private final NumericProfileConfig numericConfig;
    private final CategoricalProfileConfig categoricalConfig;
    private final int inputPartitions;
    private final WindowMetrics metrics;

    /**
     * @param inputPartitions partitions of the inferences topic: the merge stage closes a window once this
     *                        many partitions' watermarks have passed it
     */
    public WindowTopology(WindowSpec windows, NumericProfileConfig numericConfig, CategoricalProfileConfig categoricalConfig,
                          int inputPartitions, WindowMetrics metrics) {
        this.windows = requireNonNull(windows, "windows");
        this.numericConfig = requireNonNull(numericConfig, "numericConfig");
        this.categoricalConfig = requireNonNull(categoricalConfig, "categoricalConfig");
        this.metrics = requireNonNull(metrics, "metrics");
        if (inputPartitions < 1) {
            throw new IllegalArgumentException("inputPartitions must be at least 1, got " + inputPartitions);
        }
        this.inputPartitions = inputPartitions;
    }

    /** The closed windows of every model version, keyed {@code model/version}, each exactly once. */
    public KStream<String, ClosedWindow> closedWindows(StreamsBuilder builder, KStream<String, InferenceLog> inferences) {
        builder.addStateStore(new CachedObjectStoreBuilder<>(PARTIAL_WINDOWS_STORE, WindowKey.CODEC, ProfilesCodec.INSTANCE)
                .withLoggingEnabled(Map.of()));
        builder.addStateStore(new CachedObjectStoreBuilder<>(MERGED_WINDOWS_STORE, WindowKey.CODEC, MergedWindow.CODEC)
                .withLoggingEnabled(Map.of()));
        builder.addStateStore(new CachedObjectStoreBuilder<>(WATERMARKS_STORE, StringKeys.CODEC, PartitionWatermarks.CODEC)
                .withLoggingEnabled(Map.of("cleanup.policy", "compact")));
        return inferences
                .process(() -> new WindowAggregator(PARTIAL_WINDOWS_STORE, windows, numericConfig, categoricalConfig,
                        metrics), Named.as(AGGREGATE_NODE), PARTIAL_WINDOWS_STORE)
                .repartition(Repartitioned.with(Serdes.String(), MergeInput.SERDE).withName(PARTIALS_REPARTITION)
                        .withStreamPartitioner(new MergeInputPartitioner()))
                .process(() -> new WindowMerger(MERGED_WINDOWS_STORE, WATERMARKS_STORE, windows, inputPartitions, metrics),
                        Named.as(MERGE_NODE), MERGED_WINDOWS_STORE, WATERMARKS_STORE);
    }
}
