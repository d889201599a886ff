package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.binned.BinnedEstimates;
import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.LogBase;
import io.driftwatch.stats.drift.numeric.KsMethod;

import static java.util.Objects.requireNonNull;

/**
 * The choices that make driftwatch's numbers equal another tool's: how numeric values are binned for
 * the histogram tests, the logarithm's base, how the KS p-value is computed, and whether KS's D and
 * Wasserstein are NannyML's binned estimates on a large reference ({@link BinnedEstimates}).
 */
public record TestOptions(Binning binning, LogBase logBase, KsMethod ksMethod, boolean binnedEstimates) {
    /**
     * Evidently-compatible defaults: 10 reference-quantile bins, natural log, SciPy's automatic KS method, exact
     * statistics.
     */
    public static final TestOptions DEFAULT = new TestOptions(Binning.QUANTILE, LogBase.E, KsMethod.AUTO, false);

    public TestOptions {
        requireNonNull(binning, "binning");
        requireNonNull(logBase, "logBase");
        requireNonNull(ksMethod, "ksMethod");
    }

    /** Options with the exact statistics. */
    public TestOptions(Binning binning, LogBase logBase, KsMethod ksMethod) {
        this(binning, logBase, ksMethod, false);
    }
}
