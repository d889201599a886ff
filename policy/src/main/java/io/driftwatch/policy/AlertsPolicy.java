package io.driftwatch.policy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * Who is mailed about the model and how much, and in which order its drifted features are listed; each setting empty
 * where the policy is silent.
 */
public record AlertsPolicy(Optional<List<String>> to, Optional<Severity> minSeverity, OptionalInt ratePerHour,
                           Optional<Ranking> ranking) {
    public AlertsPolicy {
        to = to.map(List::copyOf);
        requireNonNull(minSeverity, "minSeverity");
        requireNonNull(ratePerHour, "ratePerHour");
        requireNonNull(ranking, "ranking");
    }

    /** Without a ranking setting, as every policy was before rankings. */
    public AlertsPolicy(Optional<List<String>> to, Optional<Severity> minSeverity, OptionalInt ratePerHour) {
        this(to, minSeverity, ratePerHour, Optional.empty());
    }

    /**
     * The feature ranking ({@code alerts.ranking}): off, or on with its method, the number of windows it counts over
     * and, for a correlation ranking, the performance metric and whether realized or estimated; each empty where the
     * policy is silent.
     */
    public record Ranking(boolean enabled, Optional<String> method, OptionalInt windows, Optional<String> metric,
                          Optional<String> performance) {
        public Ranking {
            requireNonNull(method, "method");
            requireNonNull(windows, "windows");
            requireNonNull(metric, "metric");
            requireNonNull(performance, "performance");
        }

        /** Without the correlation settings, as rankings were before they could follow performance. */
        public Ranking(boolean enabled, Optional<String> method, OptionalInt windows) {
            this(enabled, method, windows, Optional.empty(), Optional.empty());
        }
    }
}
