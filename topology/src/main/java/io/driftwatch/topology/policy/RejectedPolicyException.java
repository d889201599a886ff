package io.driftwatch.topology.policy;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A policy on the topic that will not be applied (written by another tool, or by an older or newer driftwatch): the
 * service logs its reason, counts it by {@link Kind} and keeps the model's previous policy. Checked, so the intake
 * cannot forget to handle it.
 */
public final class RejectedPolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, in few enough kinds to tag a metric with ({@code reason} of {@code driftwatch.policies.rejected}). */
    public enum Kind {
        /** Not a policy file at all: not YAML, not text, several documents. */
        UNREADABLE,
        /** Read, but against the format's rules: an unknown key, a wrong type, a test that does not fit its column. */
        INVALID,
        /** The record's key does not name the model and versions its text does. */
        MISKEYED;

        /** The metric tag's value. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;

    /** @param reason one line naming what was wrong and what to do, without the policy's text */
    public RejectedPolicyException(Kind kind, String reason) {
        super(requireNonNull(reason, "reason"));
        this.kind = requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
