package io.driftwatch.policy;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A monitoring policy, typed: how one model (or, for model {@value #ANY}, every model) is windowed, tested, expected,
 * read (its outcome), triggered on and alerted about. A key the file leaves out is an empty {@code Optional} or an absent entry, so
 * layers can tell silence from a value. Immutable.
 *
 * @param versions the versions this policy is for; empty for every version ({@code versions: "*"})
 */
public record ModelPolicy(String model, List<String> versions, WindowPolicy window, FeaturesPolicy features,
                          Optional<ColumnPolicy> prediction, OutcomePolicy outcome, TriggersPolicy triggers,
                          AlertsPolicy alerts) {
    /** The model name, and the versions value, that mean "every". */
    public static final String ANY = "*";

    public ModelPolicy {
        requireNonNull(model, "model");
        versions = List.copyOf(versions);
        requireNonNull(window, "window");
        requireNonNull(features, "features");
        requireNonNull(prediction, "prediction");
        requireNonNull(outcome, "outcome");
        requireNonNull(triggers, "triggers");
        requireNonNull(alerts, "alerts");
    }

    /** True for the fleet-wide defaults ({@code model: "*"}). */
    public boolean isFleetDefaults() {
        return ANY.equals(model);
    }
}
