package io.driftwatch.topology.ingest;

import io.driftwatch.schemas.record.DeadLetterReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Counts what ingestion does with every input record: read per model and version, dead-lettered per topic
 * and reason. Tags are bounded: model and version by the models deployed, reason by an enum. Thread-safe.
 */
public final class IngestMetrics {
    private final MeterRegistry meters;

    public IngestMetrics(MeterRegistry meters) {
        this.meters = requireNonNull(meters, "meters");
    }

    void recordRead(String model, String version) {
        Counter.builder("driftwatch.records.read")
                .description("Input records read, by model, version and outcome")
                .tags("model", model, "version", version, "outcome", "ok")
                .register(meters).increment();
    }

    void recordDeadLettered(String topic, DeadLetterReason reason) {
        Counter.builder("driftwatch.records.dead.letter")
                .description("Input records sent to the dead-letter topic, by input topic and reason")
                .tags("topic", topic, "reason", reason.name().toLowerCase(Locale.ROOT))
                .register(meters).increment();
    }
}
