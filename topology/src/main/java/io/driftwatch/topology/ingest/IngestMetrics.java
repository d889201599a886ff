package io.driftwatch.topology.ingest;

import io.driftwatch.schemas.record.DeadLetterReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

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
 */
public final class IngestMetrics {
    private final MeterRegistry meters;

    public IngestMetrics(MeterRegistry meters) {
        this.meters = requireNonNull(meters, "meters");
    }

    void inferenceRead(String model, String version) {
        Counter.builder("driftwatch.records.read")
                .description("Inference records read, by model, version and outcome")
                .tags("model", model, "version", version, "outcome", "ok")
                .register(meters).increment();
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
