package io.driftwatch.topology.window;

import io.driftwatch.topology.state.CachedObjectStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Second stage: merges the partial windows of a model version from every input partition and closes each
 * window exactly once, as soon as every partition that has ever reported this model version has reported
 * the window or a later one ({@link PartitionProgress}): a partition that runs behind holds the window open
 * rather than losing its part. As a safety valve for a partition that goes silent for good, a window also
 * closes when the stage's event time (the latest partition close it has seen) passes its end plus grace plus
 * the merge delay. A partial window arriving after its window closed is counted
 * ({@code driftwatch.windows.late.partials}) rather than reopening the window.
 */
final class WindowMerger implements Processor<String, PartialWindow, String, ClosedWindow> {
    private final String mergedStoreName;
    private final String lastClosedStoreName;
    private final String progressStoreName;
    private final WindowSpec windows;
    private final int inputPartitions;
    private final WindowMetrics metrics;
    private final OpenWindows open = new OpenWindows();
    private long eventTimeMillis = Long.MIN_VALUE;
    private ProcessorContext<String, ClosedWindow> context;
    private CachedObjectStore<WindowKey, MergedWindow> merged;
    private KeyValueStore<String, Long> lastClosedStart;
    private CachedObjectStore<String, PartitionProgress> progress;
    private final Map<String, TreeSet<Long>> openStartsByModel = new HashMap<>();

    WindowMerger(String mergedStoreName, String lastClosedStoreName, String progressStoreName, WindowSpec windows,
                 int inputPartitions, WindowMetrics metrics) {
        this.mergedStoreName = requireNonNull(mergedStoreName, "mergedStoreName");
        this.lastClosedStoreName = requireNonNull(lastClosedStoreName, "lastClosedStoreName");
        this.progressStoreName = requireNonNull(progressStoreName, "progressStoreName");
        this.windows = requireNonNull(windows, "windows");
        this.inputPartitions = inputPartitions;
        this.metrics = requireNonNull(metrics, "metrics");
    }

    @Override
    public void init(ProcessorContext<String, ClosedWindow> context) {
        this.context = context;
        this.merged = context.getStateStore(mergedStoreName);
        this.lastClosedStart = context.getStateStore(lastClosedStoreName);
        this.progress = context.getStateStore(progressStoreName);
        merged.readAll().keySet().forEach(window -> {
            open.add(window, windows.mergeCloseAt(window.startMillis()));
            openStartsByModel.computeIfAbsent(window.modelKey(), key -> new TreeSet<>()).add(window.startMillis());
            eventTimeMillis = Math.max(eventTimeMillis, windows.partialCloseAt(window.startMillis()));
        });
    }

    @Override
    public void process(Record<String, PartialWindow> record) {
        PartialWindow partial = record.value();
        WindowKey window = partial.window();
        MergedWindow current = merged.get(window);
        if (current == null) {
            Long lastClosed = lastClosedStart.get(window.modelKey());
            if (lastClosed != null && window.startMillis() <= lastClosed) {
                metrics.latePartial(window.model(), window.version());
                return;
            }
            current = MergedWindow.of(partial);
            open.add(window, windows.mergeCloseAt(window.startMillis()));
            openStartsByModel.computeIfAbsent(window.modelKey(), key -> new TreeSet<>()).add(window.startMillis());
        } else if (!current.add(partial)) {
            return;
        }
        merged.put(window, current);
        PartitionProgress modelProgress = progress.get(window.modelKey());
        if (modelProgress == null) {
            modelProgress = new PartitionProgress();
        }
        modelProgress.reported(partial.sourcePartition(), window.startMillis());
        progress.put(window.modelKey(), modelProgress);
        boolean advanced = windows.partialCloseAt(window.startMillis()) > eventTimeMillis;
        eventTimeMillis = Math.max(eventTimeMillis, windows.partialCloseAt(window.startMillis()));
        closeReached(window.model(), window.version(), modelProgress, record.timestamp());
        if (advanced) {
            closeDue(record.timestamp());
        }
    }

    /** Closes, oldest first, the open windows of a model version that every reporting partition has reached. */
    private void closeReached(String model, String version, PartitionProgress modelProgress, long recordTimestampMillis) {
        TreeSet<Long> starts = openStartsByModel.get(ModelKeys.of(model, version));
        while (starts != null && !starts.isEmpty() && modelProgress.reached(starts.first(), inputPartitions,
                eventTimeMillis >= windows.mergeCloseAt(starts.first()))) {
            WindowKey window = new WindowKey(model, version, starts.first());
            open.remove(window, windows.mergeCloseAt(window.startMillis()));
            MergedWindow current = merged.get(window);
            if (current == null) {
                starts.pollFirst();
                continue;
            }
            close(window, current, recordTimestampMillis);
        }
    }

    /** The merge delay passed for some windows: close those whose missing partitions never reported the model. */
    private void closeDue(long recordTimestampMillis) {
        for (WindowKey window : open.takeDue(eventTimeMillis)) {
            PartitionProgress modelProgress = progress.get(window.modelKey());
            if (modelProgress != null) {
                closeReached(window.model(), window.version(), modelProgress, recordTimestampMillis);
            }
        }
    }

    private void close(WindowKey window, MergedWindow current, long recordTimestampMillis) {
        boolean complete = current.partitions().size() >= inputPartitions;
        metrics.windowClosed(window.model(), window.version(), complete);
        long end = windows.endOf(window.startMillis());
        context.forward(new Record<>(window.modelKey(), new ClosedWindow(window, end, current.profiles(),
                current.partitions().size(), inputPartitions), recordTimestampMillis));
        merged.delete(window);
        TreeSet<Long> starts = openStartsByModel.get(window.modelKey());
        if (starts != null) {
            starts.remove(window.startMillis());
        }
        Long lastClosed = lastClosedStart.get(window.modelKey());
        if (lastClosed == null || lastClosed < window.startMillis()) {
            lastClosedStart.put(window.modelKey(), window.startMillis());
        }
    }
}
