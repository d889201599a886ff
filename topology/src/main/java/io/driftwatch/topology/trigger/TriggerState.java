package io.driftwatch.topology.trigger;

import io.driftwatch.schemas.record.WindowRef;

import java.util.List;

/**
 * What the trigger rules remember of one model version between windows: the run of consecutive drifted
 * windows (most recent last, at most the policy's length) and the event time of the last trigger.
 *
 * @param lastTriggerMillis event time (window end) of the last trigger, or {@link Long#MIN_VALUE} for none
 */
public record TriggerState(List<WindowRef> driftedRun, long lastTriggerMillis) {
    public static final TriggerState INITIAL = new TriggerState(List.of(), Long.MIN_VALUE);

    public TriggerState {
        driftedRun = List.copyOf(driftedRun);
    }
}
