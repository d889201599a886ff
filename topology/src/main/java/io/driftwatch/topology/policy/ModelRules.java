package io.driftwatch.topology.policy;

import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.quality.OutcomeChoices;
import io.driftwatch.topology.trigger.EstimatedTriggerPolicy;
import io.driftwatch.topology.trigger.QualityTriggerPolicy;
import io.driftwatch.topology.trigger.TriggerPolicy;
import io.driftwatch.topology.window.WindowShape;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Everything a model version is windowed and judged by: how its windows are cut, how drift is tested, when drift
 * and schema errors trigger retraining, how its quality is read and when it triggers; named by the id of the policy they came from, which
 * every report, trigger and alert event carries so a reader knows which rules judged it.
 *
 * @param policyId   the id of the effective policy, or {@link ConfigModelRules#POLICY_ID} when no policy applies
 * @param comparison the drift tests, thresholds and dataset-drift share
 * @param triggers   the drift and schema trigger rules with their cool-down
 * @param quality    the quality trigger rules
 * @param estimated  the estimated-quality trigger rule
 * @param outcome    the positive class and business-value matrix its quality reports are read with ({@code outcome})
 * @param excludedColumns columns that are not features ({@code features.exclude}): left out of every comparison,
 *                   on the window's side and the reference's, so they are never tested nor expected
 * @param window     how the model's windows are cut
 * @param windowPolicies the keys of the accepted policies the window's size, grace or offset came from (empty for
 *                   the settings'): their publication times say from which boundary a new shape applies
 * @param ranking    how its drifted features are ranked in reports, alerts and emails
 */
public record ModelRules(String policyId, ComparisonSettings comparison, TriggerPolicy triggers, QualityTriggerPolicy quality,
                         EstimatedTriggerPolicy estimated, OutcomeChoices outcome, Set<String> excludedColumns, WindowShape window, Set<String> windowPolicies,
                         RankingRule ranking) {
    public ModelRules {
        requireNonNull(policyId, "policyId");
        requireNonNull(comparison, "comparison");
        requireNonNull(triggers, "triggers");
        requireNonNull(quality, "quality");
        requireNonNull(estimated, "estimated");
        requireNonNull(outcome, "outcome");
        excludedColumns = Set.copyOf(requireNonNull(excludedColumns, "excludedColumns"));
        requireNonNull(window, "window");
        windowPolicies = Set.copyOf(requireNonNull(windowPolicies, "windowPolicies"));
        requireNonNull(ranking, "ranking");
        if (policyId.isBlank()) {
            throw new IllegalArgumentException("policyId must not be blank");
        }
    }

    /** The default ranking: the rules before a policy could set one. */
    public ModelRules(String policyId, ComparisonSettings comparison, TriggerPolicy triggers, QualityTriggerPolicy quality,
                      EstimatedTriggerPolicy estimated, OutcomeChoices outcome, Set<String> excludedColumns, WindowShape window,
                      Set<String> windowPolicies) {
        this(policyId, comparison, triggers, quality, estimated, outcome, excludedColumns, window, windowPolicies,
                RankingRule.DEFAULT);
    }
}
