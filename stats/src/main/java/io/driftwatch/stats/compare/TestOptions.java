package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.LogBase;
import io.driftwatch.stats.drift.numeric.KsMethod;

import static java.util.Objects.requireNonNull;

/**
 * The choices that make driftwatch's numbers equal another tool's: how numeric values are binned for
 * the histogram tests, the logarithm's base, and how the KS p-value is computed.
 */
public record TestOptions(Binning binning, LogBase logBase, KsMethod ksMethod) {
    /** Evidently-compatible defaults: 10 reference-quantile bins, natural log, SciPy's automatic KS method. */
    public static final TestOptions DEFAULT = new TestOptions(Binning.QUANTILE, LogBase.E, KsMethod.AUTO);

    public TestOptions {
        requireNonNull(binning, "binning");
        requireNonNull(logBase, "logBase");
        requireNonNull(ksMethod, "ksMethod");
    }
}
