package io.driftwatch.topology.ingest;

import io.driftwatch.schemas.record.DeadLetterReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.noop.NoopCounter;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Counts what ingestion does with every input record: inferences read per model and version, labels read per
 * model, dead-lettered per topic and reason. Labels have a meter of their own because a label names no model
 * version: counted in {@code driftwatch.records.read} they appeared as a version {@code "label"}, which put a
 * fake version in the dashboard's version list, added labels to a query summing a model's inference traffic,
 * fired the no-data alert for "version label" when labels paused, and were retired as a version of their own.
 * The version a label was joined to is known only at the join, which counts labels by outcome
 * ({@code driftwatch.quality.labels}). Tags are bounded: model and version by the models deployed, reason by
 * an enum. Thread-safe.
 *
 * <p>Every inference is counted, so its counter is kept per model version rather than looked up in the registry
 * each time (building the id and its sorted tags cost as much as a column's profile update); a counter the registry
 * removes (a retired model version) is forgotten and registered again with the version's next record, one a
 * filter denied is asked for again with each record.
 */
public final class IngestMetrics {
    private final MeterRegistry meters;
    private final Map<ModelVersion, Counter> inferencesRead = new ConcurrentHashMap<>();

    private record ModelVersion(String model, String version) {
    }

    public IngestMetrics(MeterRegistry meters) {
        this.meters = requireNonNull(meters, "meters");
        meters.config().onMeterRemoved(this::removed);
    }

    void inferenceRead(String model, String version) {
        ModelVersion key = new ModelVersion(model, version);
        Counter counter = inferencesRead.get(key);
        if (counter == null) {
            counter = Counter.builder("driftwatch.records.read")
                    .description("Inference records read, by model, version and outcome")
                    .tags("model", model, "version", version, "outcome", "ok")
                    .register(meters);
            if (!(counter instanceof NoopCounter)) {
                inferencesRead.put(key, counter);
                // A removal between the registration and the put found nothing to forget: check once more.
                if (meters.find(counter.getId().getName()).tags(counter.getId().getTags()).counter() != counter) {
                    inferencesRead.remove(key, counter);
                }
            }
        }
        counter.increment();
    }

    private void removed(Meter meter) {
        inferencesRead.values().remove(meter);
    }

    void labelRead(String model) {
        Counter.builder("driftwatch.labels.read")
                .description("Label records read, by model (a label names no model version)")
                .tags("model", model)
                .register(meters).increment();
    }

    void recordDeadLettered(String topic, DeadLetterReason reason) {
        Counter.builder("driftwatch.records.dead.letter")
                .description("Input records sent to the dead-letter topic, by input topic and reason")
                .tags("topic", topic, "reason", reason.name().toLowerCase(Locale.ROOT))
                .register(meters).increment();
    }
}
