package io.driftwatch.policy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/** Who is mailed about the model and how much; each setting empty where the policy is silent. */
public record AlertsPolicy(Optional<List<String>> to, Optional<Severity> minSeverity, OptionalInt ratePerHour) {
    public AlertsPolicy {
        to = to.map(List::copyOf);
        requireNonNull(minSeverity, "minSeverity");
        requireNonNull(ratePerHour, "ratePerHour");
    }
}
