package io.driftwatch.policy;

import io.driftwatch.stats.quality.BusinessValueMatrix;
import io.driftwatch.stats.quality.OutcomeChoices;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The policy's {@code outcome}: which class of a binary model is positive and what each cell of its confusion matrix
 * is worth. They are the model owner's decisions, not the data's, so they live in the model's policy, where the
 * stream and {@code check --policy} both read them. Each value is empty where the policy is silent.
 *
 * @param positiveClass the positive class as written in the policy (a class name, a number or a boolean, as text)
 */
public record OutcomePolicy(Optional<String> positiveClass, Optional<BusinessValueMatrix> businessValue) {
    public OutcomePolicy {
        requireNonNull(positiveClass, "positiveClass");
        requireNonNull(businessValue, "businessValue");
    }

    /** The choices the quality stages apply: an absent value stays implied (positive class) or absent (business value). */
    public OutcomeChoices choices() {
        return new OutcomeChoices(positiveClass.orElse(null), businessValue.orElse(null));
    }
}
