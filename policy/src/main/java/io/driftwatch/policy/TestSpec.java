package io.driftwatch.policy;

import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.LogBase;
import io.driftwatch.stats.drift.numeric.KsMethod;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One test's entry in a policy: each setting the owner wrote, empty where they left the default. An empty entry
 * ({@code {}}) is the test with its defaults.
 */
public record TestSpec(Optional<ThresholdSpec> threshold, Optional<Binning> binning, Optional<LogBase> logBase,
                       Optional<KsMethod> ksMethod, Optional<Boolean> binnedEstimates) {
    /** The test with every default. */
    public static final TestSpec DEFAULTS = new TestSpec(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public TestSpec {
        requireNonNull(threshold, "threshold");
        requireNonNull(binning, "binning");
        requireNonNull(logBase, "logBase");
        requireNonNull(ksMethod, "ksMethod");
        requireNonNull(binnedEstimates, "binnedEstimates");
    }

    /** An entry that leaves {@code binned_estimates} to its default. */
    public TestSpec(Optional<ThresholdSpec> threshold, Optional<Binning> binning, Optional<LogBase> logBase,
                    Optional<KsMethod> ksMethod) {
        this(threshold, binning, logBase, ksMethod, Optional.empty());
    }

    /** The options the test runs with: what the entry sets, {@link TestOptions#DEFAULT} for the rest. */
    public TestOptions options() {
        TestOptions defaults = TestOptions.DEFAULT;
        return new TestOptions(binning.orElse(defaults.binning()), logBase.orElse(defaults.logBase()),
                ksMethod.orElse(defaults.ksMethod()), binnedEstimates.orElse(defaults.binnedEstimates()));
    }
}
