package io.driftwatch.topology.performance;

import io.driftwatch.schemas.record.QualityReport;
import io.driftwatch.topology.window.ModelKeys;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * Folds each quality report read back from its topic into its model version's {@link WindowPerformances}: the global
 * store's only writer, run again over the retained reports when the store is restored.
 */
final class PerformanceIntake implements Processor<String, QualityReport, Void, Void> {
    private final String storeName;
    private @Nullable KeyValueStore<String, WindowPerformances> store;

    PerformanceIntake(String storeName) {
        this.storeName = requireNonNull(storeName, "storeName");
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, QualityReport> record) {
        QualityReport report = record.value();
        KeyValueStore<String, WindowPerformances> performances = requireNonNull(store, "init() first");
        if (report == null) {
            return;
        }
        String key = ModelKeys.of(report.getModelName(), report.getModelVersion());
        WindowPerformances current = performances.get(key);
        performances.put(key, (current == null ? WindowPerformances.EMPTY : current).with(report));
    }
}
