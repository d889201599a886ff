package io.driftwatch.topology.policy;

import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.topology.trigger.QualityTriggerPolicy;
import io.driftwatch.topology.trigger.TriggerPolicy;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Everything a model version is judged by when one of its windows closes: how drift is tested, when drift and
 * schema errors trigger retraining, and when quality does; named by the id of the policy they came from, which
 * every report, trigger and alert event carries so a reader knows which rules judged it.
 *
 * @param policyId   the id of the effective policy, or {@link ConfigModelRules#POLICY_ID} when no policy applies
 * @param comparison the drift tests, thresholds and dataset-drift share
 * @param triggers   the drift and schema trigger rules with their cool-down
 * @param quality    the quality trigger rules
 * @param excludedColumns columns that are not features (a policy's {@code features.exclude}): left out of the window's
 *                   and the reference's profiles before they are compared, so they are never tested or expected
 */
public record ModelRules(String policyId, ComparisonSettings comparison, TriggerPolicy triggers, QualityTriggerPolicy quality,
                         Set<String> excludedColumns) {
    public ModelRules {
        requireNonNull(policyId, "policyId");
        requireNonNull(comparison, "comparison");
        requireNonNull(triggers, "triggers");
        requireNonNull(quality, "quality");
        excludedColumns = Set.copyOf(excludedColumns);
        if (policyId.isBlank()) {
            throw new IllegalArgumentException("policyId must not be blank");
        }
    }

    /** Rules that exclude no column. */
    public ModelRules(String policyId, ComparisonSettings comparison, TriggerPolicy triggers, QualityTriggerPolicy quality) {
        this(policyId, comparison, triggers, quality, Set.of());
    }
}
