package io.driftwatch.policy;

import java.util.List;

/**
 * A policy, or a set of policies, that cannot be used: it carries every problem found, each with its file, line and
 * column, so a command prints them all and exits 2.
 */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // an immutable List.copyOf, never serialized in practice
    private final List<PolicyProblem> problems;

    public PolicyException(List<PolicyProblem> problems) {
        super(problems.isEmpty() ? "invalid policy" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    /** Problems found because reading failed, with the failure as cause. */
    public PolicyException(List<PolicyProblem> problems, Throwable cause) {
        this(problems);
        initCause(cause);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
