package io.driftwatch.topology.window;

import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.topology.policy.AcceptedPolicies;
import io.driftwatch.topology.policy.ModelRulesResolver;
import io.driftwatch.topology.policy.PolicyMetrics;
import io.driftwatch.topology.state.CachedObjectStoreBuilder;
import io.driftwatch.topology.state.ProfilesCodec;
import io.driftwatch.topology.state.StringKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each windowing stage driven on its own through a {@link MockProcessorContext}, which records whether a processor
 * asked for a commit (the test driver commits after every record, so it cannot tell): the records that close a
 * window, and only those, request one, so a window's partials and then its trigger are committed at once rather
 * than at the next commit interval each.
 */
class WindowCloseCommitsTest {
    private static final long T0 = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();
    private static final Duration SIZE = Duration.ofMinutes(10);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration IDLE_CLOSE = Duration.ofMinutes(15);
    private static final WindowSpec WINDOWS = new WindowSpec(SIZE, Duration.ZERO, Duration.ofHours(1), Duration.ofHours(1), IDLE_CLOSE);
    private static final long WALL_CLOCK_MILLIS = Instant.parse("2026-12-08T02:00:00Z").toEpochMilli();
    @TempDir
    Path stateDirectory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<StateStore> stores = new ArrayList<>();

    @AfterEach
    void closeStores() {
        stores.forEach(StateStore::close);
    }

    private <K, V> MockProcessorContext<K, V> context() {
        Properties settings = new Properties();
        settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL.toMillis());
        MockProcessorContext<K, V> context = new MockProcessorContext<>(settings, new TaskId(1, 0), stateDirectory.toFile());
        context.setCurrentSystemTimeMs(WALL_CLOCK_MILLIS);
        return context;
    }

    private void add(MockProcessorContext<?, ?> context, StateStore store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        stores.add(store);
    }

    private WindowAggregator aggregator(MockProcessorContext<String, MergeInput> context) {
        add(context, new CachedObjectStoreBuilder<>(WindowTopology.PARTIAL_WINDOWS_STORE, WindowKey.codec(SIZE), ProfilesCodec.INSTANCE)
                .withLoggingDisabled().build());
        add(context, new CachedObjectStoreBuilder<>(WindowTopology.GRIDS_STORE, StringKeys.CODEC, WindowGrid.CODEC)
                .withLoggingDisabled().build());
        // The store of accepted policies, empty: every model is windowed by the settings.
        KeyValueStore<String, byte[]> policies = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(AcceptedPolicies.STORE),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        add(context, policies);
        WindowAggregator aggregator = new WindowAggregator(WindowTopology.PARTIAL_WINDOWS_STORE, WindowTopology.GRIDS_STORE, WINDOWS,
                NumericProfileConfig.defaults(), CategoricalProfileConfig.defaults(),
                new ModelRulesResolver(FixedWindowRules.of(WINDOWS.shape()), new PolicyMetrics(meters)), new WindowMetrics(meters), null);
        aggregator.init(context);
        return aggregator;
    }

    private WindowMerger merger(MockProcessorContext<String, ClosedWindow> context, int inputPartitions) {
        add(context, new CachedObjectStoreBuilder<>(WindowTopology.MERGED_WINDOWS_STORE, WindowKey.codec(SIZE), MergedWindow.CODEC)
                .withLoggingDisabled().build());
        add(context, new CachedObjectStoreBuilder<>(WindowTopology.WATERMARKS_STORE, StringKeys.CODEC,
                PartitionWatermarks.codec(WINDOWS.shape())).withLoggingDisabled().build());
        WindowMerger merger = new WindowMerger(WindowTopology.MERGED_WINDOWS_STORE, WindowTopology.WATERMARKS_STORE, WINDOWS,
                inputPartitions, new WindowMetrics(meters));
        merger.init(context);
        return merger;
    }

    private static Record<String, InferenceLog> inference(int index, long eventMillis) {
        InferenceLog log = InferenceLog.newBuilder().setRequestId("req-" + index).setModelName("fraud").setModelVersion("v1")
                .setEventTime(Instant.ofEpochMilli(eventMillis)).setFeatures(Map.of("amount", 10.0 + index)).setPrediction(0.5).build();
        return new Record<>(log.getRequestId(), log, eventMillis);
    }

    private static long window(int index) {
        return T0 + index * SIZE.toMillis();
    }

    private static Record<String, MergeInput> partial(int sourcePartition, int index) {
        FeatureProfiles profiles = new FeatureProfiles(NumericProfileConfig.defaults(), CategoricalProfileConfig.defaults());
        profiles.add(Map.of("amount", 10.0 + sourcePartition), 0.5);
        return new Record<>("fraud/v1", new PartialWindow(new WindowKey("fraud", "v1", window(index), window(index + 1)), sourcePartition,
                window(index + 1), profiles), window(index + 1));
    }

    private static Record<String, MergeInput> watermark(int sourcePartition, long eventMillis) {
        return new Record<>("watermark/" + sourcePartition, new PartitionWatermark(sourcePartition, eventMillis), eventMillis);
    }

    private static List<String> sentKeys(MockProcessorContext<String, ?> context) {
        return context.forwarded().stream().map(forwarded -> (String) forwarded.record().key()).toList();
    }

    @Test
    void onlyTheRecordThatClosesAWindowRequestsACommitWithThePartialItSends() {
        MockProcessorContext<String, MergeInput> context = context();
        WindowAggregator aggregator = aggregator(context);
        aggregator.process(inference(0, window(0) + 1_000));
        aggregator.process(inference(1, window(0) + 60_000));
        aggregator.process(inference(2, window(0) + 120_000));
        assertThat(sentKeys(context)).as("only the partition's first watermark").containsExactly("watermark/0");
        assertThat(context.committed()).as("records inside an open window and the first watermark request no commit").isFalse();

        aggregator.process(inference(3, window(1) + 1_000));
        assertThat(sentKeys(context)).containsExactly("watermark/0", "fraud/v1", "watermark/0");
        assertThat(context.committed()).as("the record that closed window 0").isTrue();

        context.resetCommit();
        context.resetForwards();
        context.setCurrentSystemTimeMs(WALL_CLOCK_MILLIS + COMMIT_INTERVAL.toMillis());
        aggregator.process(inference(4, window(1) + 2_000));
        assertThat(context.forwarded()).isEmpty();
        assertThat(context.committed()).as("a record in the open window, an interval later").isFalse();
    }

    @Test
    void theIdleClockClosingAWindowRequestsACommit() {
        MockProcessorContext<String, MergeInput> context = context();
        WindowAggregator aggregator = aggregator(context);
        aggregator.process(inference(0, window(0) + 1_000));
        context.resetForwards();
        MockProcessorContext.CapturedPunctuator idleCheck = context.scheduledPunctuators().get(0);

        idleCheck.getPunctuator().punctuate(WALL_CLOCK_MILLIS + IDLE_CLOSE.toMillis() + SIZE.toMillis());
        assertThat(sentKeys(context)).as("the quiet ran event time past window 0").containsExactly("fraud/v1", "watermark/0");
        assertThat(context.committed()).isTrue();
    }

    @Test
    void aReplayClosingWindowsFasterThanTheCommitIntervalRequestsOneCommitPerInterval() {
        MockProcessorContext<String, MergeInput> context = context();
        WindowAggregator aggregator = aggregator(context);
        aggregator.process(inference(0, window(0)));
        aggregator.process(inference(1, window(1)));
        assertThat(context.committed()).isTrue();

        context.resetCommit();
        context.setCurrentSystemTimeMs(WALL_CLOCK_MILLIS + COMMIT_INTERVAL.toMillis() - 1);
        aggregator.process(inference(2, window(2)));
        assertThat(context.committed()).as("window 1 closed within the interval: the regular commit takes it").isFalse();

        context.setCurrentSystemTimeMs(WALL_CLOCK_MILLIS + COMMIT_INTERVAL.toMillis());
        aggregator.process(inference(3, window(3)));
        assertThat(context.committed()).as("window 2 closed an interval after the last request").isTrue();
    }

    @Test
    void theMergeStageRequestsACommitWhenTheLastPartitionsWatermarkClosesAWindowNotBefore() {
        MockProcessorContext<String, ClosedWindow> context = context();
        WindowMerger merger = merger(context, 2);
        merger.process(partial(0, 0));
        merger.process(partial(1, 0));
        merger.process(watermark(0, window(1)));
        assertThat(context.forwarded()).isEmpty();
        assertThat(context.committed()).as("partials, and a watermark that closes nothing").isFalse();

        merger.process(watermark(1, window(1)));
        assertThat(sentKeys(context)).as("window 0 closed, on to the drift stage").containsExactly("fraud/v1");
        assertThat(context.committed()).as("the report and trigger the drift stage writes of it go out at once").isTrue();

        context.resetCommit();
        context.setCurrentSystemTimeMs(WALL_CLOCK_MILLIS + COMMIT_INTERVAL.toMillis());
        merger.process(watermark(0, window(2)));
        merger.process(watermark(1, window(2)));
        assertThat(context.committed()).as("watermarks that close no open window").isFalse();
    }
}
