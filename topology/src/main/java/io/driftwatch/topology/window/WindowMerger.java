package io.driftwatch.topology.window;

import io.driftwatch.topology.state.CachedObjectStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import static java.util.Objects.requireNonNull;

/**
 * Second stage: merges the partial windows of a model version from every input partition and closes each
 * window exactly once, as soon as every partition has reported it, or when the stage's event time (the
 * latest partition close it has seen) passes the window's end plus grace plus the merge delay (a partition
 * that saw no traffic for the model never reports). A partial window arriving after its window closed is
 * counted ({@code driftwatch.windows.late.partials}) rather than reopening the window.
 */
final class WindowMerger implements Processor<String, PartialWindow, String, ClosedWindow> {
    private final String mergedStoreName;
    private final String lastClosedStoreName;
    private final WindowSpec windows;
    private final int inputPartitions;
    private final WindowMetrics metrics;
    private final OpenWindows open = new OpenWindows();
    private long eventTimeMillis = Long.MIN_VALUE;
    private ProcessorContext<String, ClosedWindow> context;
    private CachedObjectStore<WindowKey, MergedWindow> merged;
    private KeyValueStore<String, Long> lastClosedStart;

    WindowMerger(String mergedStoreName, String lastClosedStoreName, WindowSpec windows, int inputPartitions,
                 WindowMetrics metrics) {
        this.mergedStoreName = requireNonNull(mergedStoreName, "mergedStoreName");
        this.lastClosedStoreName = requireNonNull(lastClosedStoreName, "lastClosedStoreName");
        this.windows = requireNonNull(windows, "windows");
        this.inputPartitions = inputPartitions;
        this.metrics = requireNonNull(metrics, "metrics");
    }

    @Override
    public void init(ProcessorContext<String, ClosedWindow> context) {
        this.context = context;
        this.merged = context.getStateStore(mergedStoreName);
        this.lastClosedStart = context.getStateStore(lastClosedStoreName);
        merged.readAll().keySet().forEach(window -> {
            open.add(window, windows.mergeCloseAt(window.startMillis()));
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
        } else if (!current.add(partial)) {
            return;
        }
        merged.put(window, current);
        if (current.partitions().size() >= inputPartitions) {
            open.remove(window, windows.mergeCloseAt(window.startMillis()));
            close(window, current, record.timestamp());
        }
        long partialCloseMillis = windows.partialCloseAt(window.startMillis());
        if (partialCloseMillis > eventTimeMillis) {
            eventTimeMillis = partialCloseMillis;
            closeDue(record.timestamp());
        }
    }

    private void closeDue(long recordTimestampMillis) {
        for (WindowKey window : open.takeDue(eventTimeMillis)) {
            MergedWindow current = merged.get(window);
            if (current != null) {
                close(window, current, recordTimestampMillis);
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
        Long lastClosed = lastClosedStart.get(window.modelKey());
        if (lastClosed == null || lastClosed < window.startMillis()) {
            lastClosedStart.put(window.modelKey(), window.startMillis());
        }
    }
}
