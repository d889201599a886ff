package io.driftwatch.topology.policy;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * How a model version's drifted features are ranked ({@code alerts.ranking}), or off (features then listed by how far
 * past its threshold each is): by NannyML's alert count over the last {@code windows} windows, the current one
 * included, or by the correlation of each feature's drift statistic with the model's performance over them.
 *
 * @param metric      for {@link Method#CORRELATION}, the performance metric followed; null for the default choice
 *                    (roc_auc where the windows have it, else accuracy, else the first they have)
 * @param performance for {@link Method#CORRELATION}, which performance: realized or estimated
 */
public record RankingRule(boolean enabled, int windows, Method method, @Nullable String metric, Performance performance) {
    /** NannyML's ranker over the windows a team looks back on by default. */
    public static final int DEFAULT_WINDOWS = 10;
    public static final RankingRule DEFAULT = new RankingRule(true, DEFAULT_WINDOWS);

    public RankingRule {
        if (windows < 1) {
            throw new IllegalArgumentException("a ranking counts over 1 or more windows, got " + windows);
        }
        requireNonNull(method, "method");
        requireNonNull(performance, "performance");
    }

    /** By alert count. */
    public RankingRule(boolean enabled, int windows) {
        this(enabled, windows, Method.ALERT_COUNT, null, Performance.REALIZED);
    }

    /** NannyML's two rankers, by their policy names. */
    public enum Method {
        ALERT_COUNT, CORRELATION;

        /** {@code alert_count} or {@code correlation}, as the policy and the drift report name it. */
        public String policyName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException for a name that is neither */
        public static Method of(String policyName) {
            return valueOf(policyName.toUpperCase(Locale.ROOT));
        }
    }

    /** Which of a window's performance figures a correlation ranking follows. */
    public enum Performance {
        /** From the labels joined to the window so far. */
        REALIZED,
        /** CBPE's estimate from the model's own scores, known when the window closes. */
        ESTIMATED;

        /** {@code realized} or {@code estimated}. */
        public String policyName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException for a name that is neither */
        public static Performance of(String policyName) {
            return valueOf(policyName.toUpperCase(Locale.ROOT));
        }
    }
}
