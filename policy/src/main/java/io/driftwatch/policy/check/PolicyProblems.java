package io.driftwatch.policy.check;

import io.driftwatch.policy.PolicyProblem;

import java.util.Comparator;

/** How problems are listed: in the order of the file, as a user fixes them. */
final class PolicyProblems {
    static final Comparator<PolicyProblem> FILE_ORDER = Comparator.comparing(PolicyProblem::source)
            .thenComparingInt(PolicyProblem::line).thenComparingInt(PolicyProblem::column)
            .thenComparing(PolicyProblem::message);

    private PolicyProblems() {
    }
}
