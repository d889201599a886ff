package io.driftwatch.topology.quality;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import static java.util.Objects.requireNonNull;

/**
 * Counts what the label join does with every label and prediction, so none is dropped silently: labels
 * joined, duplicated or unmatched, predictions that saw no label within the maximum delay or repeated a
 * request id, partial tallies that came after their window was final, and quality triggers held back by
 * the cool-down. Tags are model, version and a bounded outcome. Thread-safe.
 */
public final class QualityMetrics {
    private final MeterRegistry meters;

    public QualityMetrics(MeterRegistry meters) {
        this.meters = requireNonNull(meters, "meters");
    }

    void label(String model, String outcome) {
        Counter.builder("driftwatch.quality.labels")
                .description("Labels by what became of them: joined, duplicate (counted once) or unmatched (no prediction within the maximum delay)")
                .tags("model", model, "outcome", outcome).register(meters).increment();
    }

    void unlabelled(String model, String version) {
        Counter.builder("driftwatch.quality.predictions.unlabelled")
                .description("Predictions whose label did not come within the maximum label delay")
                .tags("model", model, "version", version).register(meters).increment();
    }

    void duplicatePrediction(String model) {
        Counter.builder("driftwatch.quality.predictions.duplicate")
                .description("Predictions repeating a request id still waiting or joined; counted once")
                .tags("model", model).register(meters).increment();
    }

    void lateUpdate(String model) {
        Counter.builder("driftwatch.quality.updates.late")
                .description("Partial quality tallies that arrived after their window's report was final")
                .tags("model", model).register(meters).increment();
    }

    void suppressedTrigger(String model, String version) {
        Counter.builder("driftwatch.quality.triggers.suppressed")
                .description("Quality rules that fired during the trigger cool-down")
                .tags("model", model, "version", version).register(meters).increment();
    }
}
