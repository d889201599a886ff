package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.TestOutcome;

import static java.util.Objects.requireNonNull;

/** One test's outcome on one column, with the threshold it was held to and the resulting verdict. */
public record TestVerdict(String test, TestOutcome outcome, Threshold threshold, Verdict verdict) {
    public TestVerdict {
        requireNonNull(test, "test");
        requireNonNull(outcome, "outcome");
        requireNonNull(threshold, "threshold");
        requireNonNull(verdict, "verdict");
    }

    /**
     * How far past its threshold the test is: 1 at the threshold, larger when further, so tests held to different
     * rules compare. Distance tests give statistic / threshold; p-value tests give log(p) / log(threshold), 0 without
     * a p-value.
     */
    public double severity() {
        Double pValue = outcome.pValue();
        if (threshold.rule().onPValue()) {
            return pValue == null ? 0 : Math.log(Math.max(pValue, 1e-300)) / Math.log(threshold.value());
        }
        return outcome.statistic() / threshold.value();
    }
}
