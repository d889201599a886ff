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
}
