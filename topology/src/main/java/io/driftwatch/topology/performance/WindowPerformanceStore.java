package io.driftwatch.topology.performance;

import io.driftwatch.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;

/**
 * The global store {@value #STORE}: each model version's {@link WindowPerformances}, read back from the quality
 * reports topic this application writes (committed reports only, as exactly-once reads), so that every drift task
 * sees the performance of its windows whichever task measured it. It lags the quality stage by a commit: a window's
 * own performance is seldom known when its drift is judged, and a correlation ranking counts the windows before it
 * that have one. In memory, rebuilt by running {@link PerformanceIntake} over the retained reports on a restart.
 */
public final class WindowPerformanceStore {
    public static final String STORE = "driftwatch-window-performance";
    private static final String NODE = "window-performance";

    private WindowPerformanceStore() {
    }

    /** Adds the store and its intake to {@code builder}, reading the quality reports topic named {@code topic}. */
    public static void addTo(StreamsBuilder builder, String topic) {
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(),
                        WindowPerformancesCodec.SERDE).withLoggingDisabled(), topic,
                Consumed.with(Topics.QUALITY_REPORTS.keySerde(), Topics.QUALITY_REPORTS.valueSerde()).withName(NODE),
                () -> new PerformanceIntake(STORE));
    }
}
