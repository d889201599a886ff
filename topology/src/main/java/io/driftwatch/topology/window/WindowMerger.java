package io.driftwatch.topology.window;

import io.driftwatch.topology.state.CachedObjectStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import static java.util.Objects.requireNonNull;

/**
 * Second stage: merges the partial windows of a model version from every input partition and closes each
 * window exactly once, as soon as every input partition's event time has reached the window's close time
 * ({@link PartitionWatermarks}), which the partials carry, so this stage needs no model's policy:
 * a partition that runs behind holds the window open rather than losing its part, and a partition that never
 * carries this model version does not hold it, since its watermark advances with whatever traffic it has.
 * A partition never heard from at all is waited for until the merge delay. A partial window arriving after
 * its window closed is counted ({@code driftwatch.windows.late.partials}) rather than reopening the window. Closing a
 * window requests a commit ({@link CommitOnClose}), so its report and trigger, written downstream in this task's
 * transaction, are readable without waiting out the commit interval.
 */
final class WindowMerger implements Processor<String, MergeInput, String, ClosedWindow> {
    private static final String WATERMARKS_KEY = "watermarks";

    private final String mergedStoreName;
    private final String watermarksStoreName;
    private final WindowSpec windows;
    private final int inputPartitions;
    private final WindowMetrics metrics;
    private final OpenWindows openByCloseTime = new OpenWindows();
    private ProcessorContext<String, ClosedWindow> context;
    private CommitOnClose commits;
    private CachedObjectStore<WindowKey, MergedWindow> merged;
    private CachedObjectStore<String, PartitionWatermarks> watermarksStore;
    private PartitionWatermarks watermarks;

    WindowMerger(String mergedStoreName, String watermarksStoreName, WindowSpec windows, int inputPartitions,
                 WindowMetrics metrics) {
        this.mergedStoreName = requireNonNull(mergedStoreName, "mergedStoreName");
        this.watermarksStoreName = requireNonNull(watermarksStoreName, "watermarksStoreName");
        this.windows = requireNonNull(windows, "windows");
        this.inputPartitions = inputPartitions;
        this.metrics = requireNonNull(metrics, "metrics");
    }

    @Override
    public void init(ProcessorContext<String, ClosedWindow> context) {
        this.context = context;
        this.commits = new CommitOnClose(context);
        this.merged = context.getStateStore(mergedStoreName);
        this.watermarksStore = context.getStateStore(watermarksStoreName);
        PartitionWatermarks stored = watermarksStore.get(WATERMARKS_KEY);
        this.watermarks = stored != null ? stored : new PartitionWatermarks();
        merged.readAll().forEach((window, current) -> openByCloseTime.add(window, closeAtOf(window, current)));
    }

    @Override
    public void process(Record<String, MergeInput> record) {
        if (record.value() instanceof PartialWindow partial) {
            merge(partial);
            return;
        }
        PartitionWatermark watermark = (PartitionWatermark) record.value();
        if (watermarks.advance(watermark.sourcePartition(), watermark.eventTimeMillis())) {
            long closedThrough = watermarks.closeThrough(inputPartitions, windows.mergeDelay());
            watermarksStore.put(WATERMARKS_KEY, watermarks);
            boolean closed = false;
            for (OpenWindows.Due due : openByCloseTime.takeDue(closedThrough)) {
                closed |= close(due.window(), record.timestamp());
            }
            if (closed) {
                commits.request();
            }
        }
    }

    /**
     * Adds a partial to its window. Only watermarks close windows: a partition sends the partials of every
     * model version it closed before the watermark that follows them.
     */
    private void merge(PartialWindow partial) {
        WindowKey window = partial.window();
        if (partial.closeAtMillis() <= watermarks.closedThroughMillis()) {
            metrics.latePartial(window.model(), window.version());
            return;
        }
        MergedWindow current = merged.get(window);
        if (current == null) {
            current = MergedWindow.of(partial);
            openByCloseTime.add(window, partial.closeAtMillis());
        } else if (!current.add(partial)) {
            return;
        }
        merged.put(window, current);
    }

    /**
     * Sends the window on with the Kafka timestamp of the record that closed it: event times of a replay can
     * be older than the topics' retention or, from a skewed clock, further ahead than a broker accepts.
     *
     * @return whether the window was sent on: what the drift stage writes of it then goes out with a requested commit
     */
    private boolean close(WindowKey window, long recordTimestampMillis) {
        MergedWindow current = merged.get(window);
        if (current == null) {
            return false;
        }
        boolean complete = watermarks.allPassed(closeAtOf(window, current), inputPartitions);
        metrics.windowClosed(window.model(), window.version(), complete);
        context.forward(new Record<>(window.modelKey(), new ClosedWindow(window, current.profiles(), complete),
                recordTimestampMillis));
        merged.delete(window);
        return true;
    }

    private long closeAtOf(WindowKey window, MergedWindow current) {
        return current.closeAtMillis() == MergedWindow.CLOSE_AT_UNKNOWN
                ? window.endMillis() + windows.grace().toMillis() : current.closeAtMillis();
    }
}
