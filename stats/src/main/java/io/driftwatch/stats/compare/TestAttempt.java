package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.TestOutcome;

import static java.util.Objects.requireNonNull;

/**
 * What asking a {@link ColumnPair} to run one test gave: its outcome, or the sentence a report shows for
 * why it could not run on this column (wrong kind of values, a degenerate sample, only sketches held).
 */
sealed interface TestAttempt {

    /** The test ran. */
    record Ran(TestOutcome outcome) implements TestAttempt {
        public Ran {
            requireNonNull(outcome, "outcome");
        }
    }

    /** The test could not run; {@code reason} is shown under "not applicable". */
    record NotRun(String reason) implements TestAttempt {
        public NotRun {
            requireNonNull(reason, "reason");
        }
    }
}
