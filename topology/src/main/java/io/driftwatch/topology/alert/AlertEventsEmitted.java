package io.driftwatch.topology.alert;

import io.driftwatch.schemas.record.AlertEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

/**
 * The one counter of alert events written for the alerts process, drift, schema, trigger and quality alike,
 * so a dashboard sees every alert in one series per model version, kind and severity. At-least-once: a task
 * replayed after a failure counts its alert again, while the topic holds it once.
 */
public final class AlertEventsEmitted {
    public static final String NAME = "driftwatch.alert.events.emitted";

    private AlertEventsEmitted() {
    }

    public static void count(MeterRegistry meters, AlertEvent alert) {
        Counter.builder(NAME).description("Alert events emitted for the alerts process, by kind and severity")
                .tags("model", alert.getModelName(), "version", alert.getModelVersion(),
                        "kind", alert.getKind().name().toLowerCase(Locale.ROOT),
                        "severity", alert.getSeverity().name().toLowerCase(Locale.ROOT))
                .register(meters).increment();
    }
}
