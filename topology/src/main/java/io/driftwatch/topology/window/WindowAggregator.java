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

import static java.util.Objects.requireNonNull;

/**
 * First stage: profiles the inferences of one input partition into tumbling event-time windows per model
 * version, and when the partition's event time passes a window's end plus grace, sends the partial window
 * on to the merge stage and forgets it. A record for a window that has already closed is counted as late
 * (metric {@code driftwatch.records.late}), never silently dropped; so is a record whose event time is
 * further ahead of its Kafka timestamp than the window spec allows ({@code driftwatch.records.future}).
 *
 * <p>Time is the records' own event time, not the Kafka timestamp: producers stamp records when they send
 * them, which for a replay or a backlog says nothing about when the inference happened. The partition's
 * event time is the largest event time it has seen; windows close as it advances, so a replayed day closes
 * the same windows it did live. After a restart it resumes from the open windows' latest start.
 *
 * <p>Event time only moves with records, so when traffic stops the last window would wait for the next one;
 * after {@link WindowSpec#idleClose()} without a record, the {@link IdleClock} moves it on and windows close
 * as if traffic had continued.
 */
final class WindowAggregator implements Processor<String, InferenceLog, String, MergeInput> {
    private static final String WATERMARK_KEY_PREFIX = "watermark/";

    private final String storeName;
    private final WindowSpec windows;
    private final NumericProfileConfig numericConfig;
    private final CategoricalProfileConfig categoricalConfig;
    private final WindowMetrics metrics;
    private final OpenWindows open = new OpenWindows();
    private long eventTimeMillis = Long.MIN_VALUE;
    private long watermarkSentMillis = Long.MIN_VALUE;
    private IdleClock idle;
    private ProcessorContext<String, MergeInput> context;
    private CachedObjectStore<WindowKey, FeatureProfiles> store;

    WindowAggregator(String storeName, WindowSpec windows, NumericProfileConfig numericConfig,
                     CategoricalProfileConfig categoricalConfig, WindowMetrics metrics) {
        this.storeName = requireNonNull(storeName, "storeName");
        this.windows = requireNonNull(windows, "windows");
        this.numericConfig = requireNonNull(numericConfig, "numericConfig");
        this.categoricalConfig = requireNonNull(categoricalConfig, "categoricalConfig");
        this.metrics = requireNonNull(metrics, "metrics");
    }

    @Override
    public void init(ProcessorContext<String, MergeInput> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        store.readAll().keySet().forEach(window -> {
            open.add(window, windows.partialCloseAt(window.startMillis()));
            eventTimeMillis = Math.max(eventTimeMillis, window.startMillis());
        });
        idle = new IdleClock(windows.idleClose(), windows.idleMode(), eventTimeMillis, context.currentSystemTimeMs());
        if (idle.enabled()) {
            context.schedule(idle.checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::runOnIfIdle);
        }
    }

    @Override
    public void process(Record<String, InferenceLog> record) {
        InferenceLog log = record.value();
        long recordTimeMillis = log.getEventTime().toEpochMilli();
        long wallClockMillis = context.currentSystemTimeMs();
        if (windows.tooFarAhead(recordTimeMillis, record.timestamp())) {
            idle.recordSeen(eventTimeMillis, record.timestamp(), wallClockMillis);
            metrics.futureRecord(log.getModelName(), log.getModelVersion());
            return;
        }
        if (recordTimeMillis > eventTimeMillis) {
            eventTimeMillis = recordTimeMillis;
            closeDue(eventTimeMillis, record.timestamp());
        }
        idle.recordSeen(eventTimeMillis, record.timestamp(), wallClockMillis);
        long start = windows.startOf(recordTimeMillis);
        if (windows.partialCloseAt(start) <= eventTimeMillis) {
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

    /** Closes what the quiet since the last record has made due; the records sent carry the quiet's timestamp. */
    private void runOnIfIdle(long wallClockMillis) {
        long quietEventTimeMillis = idle.quietEventTimeMillis(wallClockMillis);
        if (quietEventTimeMillis > eventTimeMillis) {
            eventTimeMillis = quietEventTimeMillis;
            closeDue(eventTimeMillis, idle.quietTimestampMillis(wallClockMillis));
        }
    }

    /**
     * Sends on the windows due at {@code eventTimeMillis}, then the partition's watermark if it moved. Their
     * records keep the Kafka timestamp of the record that closed them: event times of a replay can be older
     * than the topics' retention or, from a skewed clock, further ahead than a broker accepts.
     */
    private void closeDue(long eventTimeMillis, long recordTimestampMillis) {
        int partition = context.taskId().partition();
        for (WindowKey window : open.takeDue(eventTimeMillis)) {
            FeatureProfiles profiles = store.get(window);
            if (profiles != null) {
                context.forward(new Record<>(window.modelKey(), new PartialWindow(window, partition, profiles),
                        recordTimestampMillis));
            }
            store.delete(window);
        }
        long closedThrough = windows.latestClosedStart(eventTimeMillis);
        if (closedThrough > watermarkSentMillis) {
            watermarkSentMillis = closedThrough;
            context.forward(new Record<>(WATERMARK_KEY_PREFIX + partition, new PartitionWatermark(partition, closedThrough),
                    recordTimestampMillis));
        }
    }
}
