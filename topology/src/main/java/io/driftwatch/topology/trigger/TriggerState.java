package io.driftwatch.topology.trigger;

import io.driftwatch.schemas.record.WindowRef;

import java.util.List;

/**
 * What the trigger rules remember of one model version between windows: the runs of consecutive windows with
 * dataset drift and with multivariate drift (most recent last, each at most its rule's length) and the event time of
 * the last trigger.
 *
 * @param lastTriggerMillis event time (window end) of the last trigger, or {@link Long#MIN_VALUE} for none
 */
public record TriggerState(List<WindowRef> driftedRun, List<WindowRef> multivariateRun, long lastTriggerMillis) {
    public static final TriggerState INITIAL = new TriggerState(List.of(), List.of(), Long.MIN_VALUE);

    public TriggerState {
        driftedRun = List.copyOf(driftedRun);
        multivariateRun = List.copyOf(multivariateRun);
    }

    /** A state without a multivariate run, as every state was before the rule. */
    public TriggerState(List<WindowRef> driftedRun, long lastTriggerMillis) {
        this(driftedRun, List.of(), lastTriggerMillis);
    }
}
