package io.driftwatch.policy;

/**
 * A test's threshold as a policy states it: a level, or {@code calibrated}, the per-feature threshold the baseline
 * calibrated from the training data, which only the baseline knows (so it stays a distinct value until then).
 */
public sealed interface ThresholdSpec {
    /** A fixed level: a p-value level in (0, 1) or a statistic level above 0, as the test's rule reads it. */
    record Level(double value) implements ThresholdSpec {
    }

    /** The baseline's calibrated threshold for the column and test. */
    record Calibrated() implements ThresholdSpec {
    }
}
