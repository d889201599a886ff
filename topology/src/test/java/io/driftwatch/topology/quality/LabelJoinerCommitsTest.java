package io.driftwatch.topology.quality;

import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.stats.quality.OutcomeTyping;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.policy.AcceptedPolicies;
import io.driftwatch.topology.policy.ConfigModelRules;
import io.driftwatch.topology.policy.ModelRulesResolver;
import io.driftwatch.topology.policy.PolicyMetrics;
import io.driftwatch.topology.quality.RequestFact.LabelFact;
import io.driftwatch.topology.quality.RequestFact.PredictionFact;
import io.driftwatch.topology.state.CachedObjectStoreBuilder;
import io.driftwatch.topology.state.StringKeys;
import io.driftwatch.topology.window.WindowGrid;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
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
 * The label join driven on its own through a {@link MockProcessorContext}, which records whether it asked for a
 * commit: an update whose tick moves the partition's clocks past a window's close (its estimate complete, or with
 * the label delay, its quality final) requests one, since the aggregator reads the tick only once committed; an
 * update whose tick closes nothing does not. Any window of the model's grid counts, whether this partition has its
 * labels or not: the aggregator waits for every partition's tick.
 */
class LabelJoinerCommitsTest {
    private static final long T0 = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final Duration MAX_DELAY = Duration.ofHours(1);
    private static final Duration UPDATE_INTERVAL = Duration.ofSeconds(30);
    private static final long WALL_CLOCK_MILLIS = Instant.parse("2026-12-08T02:00:00Z").toEpochMilli();

    @TempDir
    Path stateDirectory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<StateStore> stores = new ArrayList<>();
    private MockProcessorContext<String, QualityDelta> context;
    private int requests;

    @AfterEach
    void closeStores() {
        stores.forEach(StateStore::close);
    }

    private void add(StateStore store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        stores.add(store);
    }

    private LabelJoiner joiner() {
        Properties streamsSettings = new Properties();
        streamsSettings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1_000L);
        context = new MockProcessorContext<>(streamsSettings, new TaskId(1, 0), stateDirectory.toFile());
        context.setCurrentSystemTimeMs(WALL_CLOCK_MILLIS);
        DriftwatchConfig config = new DriftwatchConfig(Map.of("bootstrap.servers", "unused:9092",
                DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, WINDOW.toMillis(), DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, GRACE.toMillis(),
                DriftwatchConfig.LABELS_MAX_DELAY_MS_CONFIG, MAX_DELAY.toMillis()));
        QualityStores names = new QualityStores(QualityTopology.PENDING_STORE, QualityTopology.EXPIRY_STORE,
                QualityTopology.LABEL_EXPIRY_STORE, QualityTopology.DELTA_STORE, QualityTopology.JOIN_CLOCK_STORE,
                QualityTopology.JOIN_GRIDS_STORE, "windows", "clocks", "history", "baselines");
        add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(names.pending()), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build());
        add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(names.expiry()), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled().build());
        add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(names.labelExpiry()), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled().build());
        add(new CachedObjectStoreBuilder<>(names.deltas(), QualityWindowKey.codec(config.windows().shape()), WindowTally.CODEC)
                .withLoggingDisabled().build());
        add(new CachedObjectStoreBuilder<>(names.joinClocks(), StringKeys.CODEC, MillisCodec.INSTANCE).withLoggingDisabled().build());
        add(new CachedObjectStoreBuilder<>(names.joinGrids(), StringKeys.CODEC, WindowGrid.CODEC).withLoggingDisabled().build());
        add(Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore(names.baselines()), Serdes.String(),
                Topics.BASELINES.valueSerde()).withLoggingDisabled().build());
        // The store of accepted policies, empty: the model's windows are the settings'.
        add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(AcceptedPolicies.STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build());
        LabelJoiner joiner = new LabelJoiner(names, config.windows(), MAX_DELAY, UPDATE_INTERVAL, 100, OutcomeTyping.AUTO,
                new ModelRulesResolver(new ConfigModelRules(config), new PolicyMetrics(meters)), new QualityMetrics(meters));
        joiner.init(context);
        return joiner;
    }

    /** A prediction at {@code eventMillis} and its label a minute later. */
    private static void joined(LabelJoiner joiner, String requestId, long eventMillis) {
        prediction(joiner, requestId, eventMillis);
        label(joiner, requestId, eventMillis + 60_000);
    }

    private static void prediction(LabelJoiner joiner, String requestId, long eventMillis) {
        InferenceLog prediction = InferenceLog.newBuilder().setRequestId(requestId).setModelName("churn").setModelVersion("v7")
                .setEventTime(Instant.ofEpochMilli(eventMillis)).setFeatures(Map.of("tenure", 12.0)).setPrediction("churn").build();
        joiner.process(new Record<>(requestId, PredictionFact.of(prediction), WALL_CLOCK_MILLIS));
    }

    private static void label(LabelJoiner joiner, String requestId, long eventMillis) {
        FeedbackLabel label = FeedbackLabel.newBuilder().setRequestId(requestId).setModelName("churn").setLabel("churn")
                .setEventTime(Instant.ofEpochMilli(eventMillis)).build();
        joiner.process(new Record<>(requestId, LabelFact.of(label), WALL_CLOCK_MILLIS));
    }

    /** The next update, an update interval after the last; whether it requested a commit. */
    private boolean updateRequestedACommit() {
        context.resetCommit();
        long wallClockMillis = WALL_CLOCK_MILLIS + ++requests * UPDATE_INTERVAL.toMillis();
        context.setCurrentSystemTimeMs(wallClockMillis);
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(wallClockMillis);
        return context.committed();
    }

    @Test
    void anUpdateRequestsACommitOnlyWhenItsTickPassesAWindowsClose() {
        LabelJoiner joiner = joiner();
        joined(joiner, "r1", T0 + 60_000);
        updateRequestedACommit();
        joined(joiner, "r2", T0 + 5 * 60_000);
        assertThat(updateRequestedACommit()).as("both clocks inside the first window").isFalse();

        joined(joiner, "r3", T0 + WINDOW.plus(GRACE).toMillis());
        assertThat(updateRequestedACommit()).as("the predictions' clock past the first window's close: its estimate complete")
                .isTrue();
        assertThat(updateRequestedACommit()).as("nothing new").isFalse();

        joined(joiner, "r4", T0 + WINDOW.plus(GRACE).toMillis() + 60_000);
        assertThat(updateRequestedACommit()).as("still inside the second window").isFalse();

        long finalAtMillis = T0 + WINDOW.plus(GRACE).plus(MAX_DELAY).toMillis();
        prediction(joiner, "r5", finalAtMillis + 4 * 60_000);
        assertThat(updateRequestedACommit()).as("the predictions' clock past later windows' closes").isTrue();
        label(joiner, "r6", T0 + WINDOW.plus(GRACE).toMillis() + 4 * 60_000);
        assertThat(updateRequestedACommit()).as("the labels' clock on, but between two windows' final times").isFalse();
        label(joiner, "r7", finalAtMillis);
        assertThat(updateRequestedACommit()).as("the labels' clock, and so both, past the first window's close plus the label"
                + " delay: its quality final").isTrue();
    }
}
