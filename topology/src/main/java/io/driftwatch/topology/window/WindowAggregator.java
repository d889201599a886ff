package io.driftwatch.topology.window;

import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.topology.state.CachedObjectStore;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * First stage: profiles the inferences of one input partition into tumbling event-time windows per model
 * version, and when the partition's stream time passes a window's end plus grace, sends the partial window
 * on to the merge stage and forgets it. A record for a window that has already closed is counted as late
 * (metric {@code driftwatch.records.late}), never silently dropped.
 */
final class WindowAggregator implements Processor<String, InferenceLog, String, PartialWindow> {
    private final String storeName;
    private final WindowSpec windows;
    private final NumericProfileConfig numericConfig;
    private final CategoricalProfileConfig categoricalConfig;
    private final WindowMetrics metrics;
    private final Duration punctuateInterval;
    private final OpenWindows open = new OpenWindows();
    private ProcessorContext<String, PartialWindow> context;
    private CachedObjectStore<WindowKey, FeatureProfiles> store;

    WindowAggregator(String storeName, WindowSpec windows, NumericProfileConfig numericConfig,
                     CategoricalProfileConfig categoricalConfig, WindowMetrics metrics, Duration punctuateInterval) {
        this.storeName = requireNonNull(storeName, "storeName");
        this.windows = requireNonNull(windows, "windows");
        this.numericConfig = requireNonNull(numericConfig, "numericConfig");
        this.categoricalConfig = requireNonNull(categoricalConfig, "categoricalConfig");
        this.metrics = requireNonNull(metrics, "metrics");
        this.punctuateInterval = requireNonNull(punctuateInterval, "punctuateInterval");
    }

    @Override
    public void init(ProcessorContext<String, PartialWindow> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        store.readAll().keySet().forEach(window -> open.add(window, windows.partialCloseAt(window.startMillis())));
        // Close on stream time, not wall-clock: a replayed day must produce the same windows it did live.
        context.schedule(punctuateInterval, PunctuationType.STREAM_TIME, this::closeDue);
    }

    @Override
    public void process(Record<String, InferenceLog> record) {
        InferenceLog log = record.value();
        long start = windows.startOf(log.getEventTime().toEpochMilli());
        if (windows.partialCloseAt(start) <= context.currentStreamTimeMs()) {
            metrics.lateRecord(log.getModelName(), log.getModelVersion());
            return;
        }
        WindowKey window = new WindowKey(log.getModelName(), log.getModelVersion(), start);
        FeatureProfiles profiles = store.get(window);
        if (profiles == null) {
            profiles = new FeatureProfiles(numericConfig, categoricalConfig);
            open.add(window, windows.partialCloseAt(start));
        }
        profiles.add(log.getFeatures(), log.getPrediction());
        store.put(window, profiles);
    }

    private void closeDue(long streamTimeMillis) {
        int partition = context.taskId().partition();
        for (WindowKey window : open.takeDue(streamTimeMillis)) {
            FeatureProfiles profiles = store.get(window);
            if (profiles != null) {
                context.forward(new Record<>(window.modelKey(), new PartialWindow(window, partition, profiles),
                        windows.partialCloseAt(window.startMillis())));
            }
            store.delete(window);
        }
    }
}
