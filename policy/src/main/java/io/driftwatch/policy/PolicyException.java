package io.driftwatch.policy;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A policy, or a set of policies, that cannot be used: it carries every problem found, each with its file, line and
 * column, so a command prints them all and exits 2.
 */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // an immutable List.copyOf, never serialized in practice
    private final List<PolicyProblem> problems;
    private final Kind kind;

    /** What kind of text failed, for a service that counts refused policies by kind. */
    public enum Kind {
        /** Not a policy file at all: no readable YAML, several documents, a key given twice. */
        UNREADABLE,
        /** YAML, but against the policy format: an unknown key, a wrong type, a test that does not fit its column. */
        INVALID,
        /** A valid policy published under a key that is not its model's and versions'. */
        MISKEYED
    }

    public PolicyException(List<PolicyProblem> problems) {
        this(problems, Kind.INVALID);
    }

    public PolicyException(List<PolicyProblem> problems, Kind kind) {
        super(problems.isEmpty() ? "invalid policy" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
        this.kind = requireNonNull(kind, "kind");
    }

    /** Problems found because reading failed, with the failure as cause. */
    public PolicyException(List<PolicyProblem> problems, Throwable cause) {
        this(problems, Kind.UNREADABLE);
        initCause(cause);
    }

    public Kind kind() {
        return kind;
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
