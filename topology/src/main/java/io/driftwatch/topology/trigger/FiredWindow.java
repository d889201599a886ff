package io.driftwatch.topology.trigger;

import io.driftwatch.schemas.record.Evidence;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.WindowRef;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The window of one model version on which a rule fired: the one place a {@link RetrainingTrigger} is built,
 * so that every rule derives its id the same way (model, version, rule, window start), which is what makes a
 * replayed trigger carry the same id. The policy id names the rules that judged the window; it is not part of the
 * id, so a window judged again under another policy is still recognised as the same trigger.
 */
record FiredWindow(String model, String version, Instant windowStart, Instant windowEnd, @Nullable String policyId) {
    RetrainingTrigger trigger(String rule, String description, List<WindowRef> windows, List<Evidence> evidence,
                              String summary) {
        return RetrainingTrigger.newBuilder()
                .setTriggerId(TriggerIds.of(model, version, rule, Long.toString(windowStart.toEpochMilli())))
                .setModelName(model)
                .setModelVersion(version)
                .setRule(rule)
                .setRuleDescription(description)
                .setFiredAt(windowEnd)
                .setWindows(windows)
                .setEvidence(evidence)
                .setSummary(summary)
                .setSummarySlug(TriggerIds.slug(summary))
                .setPolicyId(policyId)
                .build();
    }
}
