package io.driftwatch.topology.trigger;

import io.driftwatch.schemas.record.RetrainingTrigger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one counter of retraining triggers written, whichever rule fired (drift, schema or quality), so a
 * dashboard sees every trigger CI receives in one series per model version and rule. At-least-once: a
 * task replayed after a failure counts its trigger again, while the topic holds it once.
 */
public final class TriggersEmitted {
    public static final String NAME = "driftwatch.triggers.emitted";

    private TriggersEmitted() {
    }

    public static void count(MeterRegistry meters, RetrainingTrigger trigger) {
        Counter.builder(NAME).description("Retraining triggers emitted, by rule")
                .tags("model", trigger.getModelName(), "version", trigger.getModelVersion(), "rule", trigger.getRule())
                .register(meters).increment();
    }
}
