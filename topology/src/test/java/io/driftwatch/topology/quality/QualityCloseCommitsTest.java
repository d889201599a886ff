package io.driftwatch.topology.quality;

import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.stats.quality.OutcomeTyping;
import io.driftwatch.stats.quality.QualityTally;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.policy.AcceptedPolicies;
import io.driftwatch.topology.policy.ConfigModelRules;
import io.driftwatch.topology.policy.ModelRulesResolver;
import io.driftwatch.topology.policy.PolicyMetrics;
import io.driftwatch.topology.state.CachedObjectStoreBuilder;
import io.driftwatch.topology.state.StringKeys;
import io.driftwatch.topology.verdict.WindowVerdict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality aggregator driven on its own through a {@link MockProcessorContext}, which records whether it asked for
 * a commit: a final report or a quality trigger requests one, so it is readable without waiting out the commit
 * interval; a partial tally, a tick that finishes nothing and an update that fires nothing do not.
 */
class QualityCloseCommitsTest {
    private static final long T0 = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final Duration MAX_DELAY = Duration.ofHours(1);
    private static final Duration UPDATE_INTERVAL = Duration.ofSeconds(30);
    private static final long WALL_CLOCK_MILLIS = Instant.parse("2026-12-08T02:00:00Z").toEpochMilli();
    private static final QualityWindowKey FIRST_WINDOW = new QualityWindowKey("churn", "v7", T0, T0 + WINDOW.toMillis(),
            GRACE.toMillis());
    private static final long FINAL_AT_MILLIS = FIRST_WINDOW.endMillis() + GRACE.toMillis() + MAX_DELAY.toMillis();

    @TempDir
    Path stateDirectory;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<StateStore> stores = new ArrayList<>();
    private MockProcessorContext<String, WindowVerdict<QualityReport>> context;

    @AfterEach
    void closeStores() {
        stores.forEach(StateStore::close);
    }

    private void add(StateStore store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        stores.add(store);
    }

    /** @param qualityThreshold the accuracy below which a window triggers; null for no threshold */
    private QualityAggregator aggregator(@Nullable String qualityThreshold) {
        Properties streamsSettings = new Properties();
        streamsSettings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1_000L);
        context = new MockProcessorContext<>(streamsSettings, new TaskId(2, 0), stateDirectory.toFile());
        context.setCurrentSystemTimeMs(WALL_CLOCK_MILLIS);
        Map<String, Object> settings = new HashMap<>(Map.of("bootstrap.servers", "unused:9092",
                DriftwatchConfig.WINDOW_SIZE_MS_CONFIG, WINDOW.toMillis(), DriftwatchConfig.WINDOW_GRACE_MS_CONFIG, GRACE.toMillis(),
                DriftwatchConfig.LABELS_MAX_DELAY_MS_CONFIG, MAX_DELAY.toMillis(),
                DriftwatchConfig.TRIGGER_QUALITY_MIN_LABELS_CONFIG, "1"));
        if (qualityThreshold != null) {
            settings.put(DriftwatchConfig.TRIGGER_QUALITY_THRESHOLD_CONFIG, qualityThreshold);
        }
        DriftwatchConfig config = new DriftwatchConfig(settings);
        QualityStores names = new QualityStores("pending", "expiry", "label-expiry", "deltas", "join-clocks", "join-grids",
                QualityTopology.WINDOW_STORE, QualityTopology.CLOCK_STORE, QualityTopology.HISTORY_STORE, "baselines");
        add(new CachedObjectStoreBuilder<>(names.windows(), QualityWindowKey.codec(config.windows().shape()), QualityWindowState.CODEC)
                .withLoggingDisabled().build());
        add(new CachedObjectStoreBuilder<>(names.clocks(), StringKeys.CODEC, MillisCodec.INSTANCE).withLoggingDisabled().build());
        add(new CachedObjectStoreBuilder<>(names.history(), StringKeys.CODEC, QualityHistory.CODEC).withLoggingDisabled().build());
        add(Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore(names.baselines()), Serdes.String(),
                Topics.BASELINES.valueSerde()).withLoggingDisabled().build());
        // The store of accepted policies, empty: the model is judged by the settings' rules.
        add(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(AcceptedPolicies.STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build());
        QualityAggregator aggregator = new QualityAggregator(names, config.windows(), MAX_DELAY, UPDATE_INTERVAL, 100, 1,
                new ModelRulesResolver(new ConfigModelRules(config), new PolicyMetrics(meters)), new QualityMetrics(meters));
        aggregator.init(context);
        return aggregator;
    }

    private static Record<String, QualityDelta> tally(boolean right) {
        QualityTally quality = new QualityTally(100);
        quality.addPrediction();
        quality.add(OutcomeTyping.AUTO.outcome("churn", right ? "churn" : "stay", Map.of(), Map.of(), 60_000));
        return new Record<>("churn", new QualityDelta(FIRST_WINDOW, 0, T0, T0, new WindowTally(quality, null)), WALL_CLOCK_MILLIS);
    }

    private static Record<String, QualityDelta> tick(long asOfMillis) {
        return new Record<>("churn", QualityDelta.tick("churn", 0, asOfMillis, asOfMillis), WALL_CLOCK_MILLIS);
    }

    private void update() {
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(WALL_CLOCK_MILLIS + UPDATE_INTERVAL.toMillis());
    }

    @Test
    void onlyTheTickThatMakesAWindowFinalRequestsACommit() {
        QualityAggregator aggregator = aggregator(null);
        aggregator.process(tally(true));
        aggregator.process(tick(FINAL_AT_MILLIS - 1));
        update();
        assertThat(context.forwarded()).as("one update report").hasSize(1);
        assertThat(context.committed()).as("a tally, a tick short of the final time and an update that fires nothing").isFalse();

        aggregator.process(tick(FINAL_AT_MILLIS));
        assertThat(context.forwarded()).hasSize(2);
        assertThat(context.forwarded().get(1).record().value().report().getIsFinal()).isTrue();
        assertThat(context.committed()).as("the final report").isTrue();
    }

    @Test
    void anUpdateThatTriggersRequestsACommit() {
        QualityAggregator aggregator = aggregator("0.75");
        aggregator.process(tally(false));
        assertThat(context.committed()).isFalse();

        update();
        assertThat(context.forwarded()).hasSize(1);
        assertThat(context.forwarded().get(0).record().value().trigger()).as("accuracy 0 on one label").isNotNull();
        assertThat(context.committed()).isTrue();
    }
}
