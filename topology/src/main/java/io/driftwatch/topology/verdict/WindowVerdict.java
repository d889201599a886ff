package io.driftwatch.topology.verdict;

import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.RetrainingTrigger;
import org.jspecify.annotations.Nullable;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Everything one window's evaluation produced, kept together so the edges to the topics are typed: the report,
 * and the retraining trigger and alert event when a rule fired. The drift evaluator makes one per closed window,
 * the quality aggregator one per quality report.
 *
 * @param report  the window's drift or quality report
 * @param trigger the trigger a rule fired, or null
 * @param alert   the event for the alerts process, or null
 * @param <R>     the report's record type
 */
public record WindowVerdict<R>(R report, @Nullable RetrainingTrigger trigger, @Nullable AlertEvent alert) {
    public WindowVerdict {
        requireNonNull(report, "report");
    }

    /** A report that fired nothing. */
    public static <R> WindowVerdict<R> reportOnly(R report) {
        return new WindowVerdict<>(report, null, null);
    }

    /** The trigger as zero or one element, for {@code flatMapValues}. */
    public List<RetrainingTrigger> triggers() {
        return trigger == null ? List.of() : List.of(trigger);
    }

    /** The alert event as zero or one element, for {@code flatMapValues}. */
    public List<AlertEvent> alerts() {
        return alert == null ? List.of() : List.of(alert);
    }
}
