package io.driftwatch.topology.window;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import static java.util.Objects.requireNonNull;

/**
 * Counts what windowing does with records it cannot place: inferences that arrive after their window
 * closed (beyond grace), inferences whose event time is implausibly far ahead of their Kafka timestamp, and
 * partial windows that reach the merge stage after the window was reported; and when a model's windows change shape.
 * Nothing late is dropped without being counted here. Thread-safe.
 */
public final class WindowMetrics {
    private final MeterRegistry meters;

    public WindowMetrics(MeterRegistry meters) {
        this.meters = requireNonNull(meters, "meters");
    }

    void lateRecord(String model, String version) {
        Counter.builder("driftwatch.records.late")
                .description("Inference records that arrived after their window closed (event time beyond the grace period)")
                .tags("model", model, "version", version)
                .register(meters).increment();
    }

    void futureRecord(String model, String version) {
        Counter.builder("driftwatch.records.future")
                .description("Inference records whose event time was further ahead of their Kafka timestamp than driftwatch.window.max.ahead.ms; left out of the windows")
                .tags("model", model, "version", version)
                .register(meters).increment();
    }

    void unscoredRow(String model, String version) {
        Counter.builder("driftwatch.multivariate.unscored")
                .description("Inferences whose features, scaled by the baseline's multivariate fit, overflowed to an infinite"
                        + " reconstruction error; left out of the window's multivariate drift")
                .tags("model", model, "version", version)
                .register(meters).increment();
    }

    void latePartial(String model, String version) {
        Counter.builder("driftwatch.windows.late.partials")
                .description("Partial windows that reached the merge stage after their window was reported")
                .tags("model", model, "version", version)
                .register(meters).increment();
    }

    void windowShapeChanged(String model, String version, boolean late) {
        Counter.builder("driftwatch.windows.shape.changes")
                .description("Changes of a model's window size, grace or offset taken up by an input partition: at the boundary after"
                        + " the policy's publication, or later (at=late) when the partition had already placed records past it")
                .tags("model", model, "version", version, "at", late ? "late" : "boundary")
                .register(meters).increment();
    }

    void windowClosed(String model, String version, boolean complete) {
        Counter.builder("driftwatch.windows.closed")
                .description("Windows closed, complete (every input partition's watermark passed them) or on the merge delay")
                .tags("model", model, "version", version, "complete", Boolean.toString(complete))
                .register(meters).increment();
    }
}
