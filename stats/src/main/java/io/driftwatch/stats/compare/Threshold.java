package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.TestOutcome;

import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleFunction;

import static java.util.Objects.requireNonNull;

/**
 * The rule that turns a test outcome into a verdict. P-value tests drift when the p-value is small;
 * distance tests drift when the statistic is large. Whether the comparison is strict follows the tool
 * users migrate from (Evidently: {@code ks} drifts at p &lt;= 0.05, {@code chi_square} at p &lt; 0.05).
 * For sketch outcomes the whole error interval is compared, and a straddle is {@link Verdict#INCONCLUSIVE}.
 *
 * @param value the threshold, a p-value level or a statistic level according to {@code rule}
 */
public record Threshold(Rule rule, double value) {

    /** How {@link Threshold#value()} is compared. */
    public enum Rule {
        /** Drift when p-value &lt;= value. */
        P_VALUE_AT_MOST("p <= "),
        /** Drift when p-value &lt; value. */
        P_VALUE_BELOW("p < "),
        /** Drift when statistic &gt;= value. */
        STATISTIC_AT_LEAST("statistic >= "),
        /** Drift when statistic &gt; value: NannyML's alert on a threshold from the reference's chunks. */
        STATISTIC_ABOVE("statistic > ");

        private final String display;

        Rule(String display) {
            this.display = display;
        }

        public boolean onPValue() {
            return this == P_VALUE_AT_MOST || this == P_VALUE_BELOW;
        }

        /**
         * The rule a report's condition ({@link Threshold#describe()}, e.g. {@code "p <= 0.05"}) states, so a stored
         * report can be read back as it was decided; empty for a condition no rule writes.
         */
        public static Optional<Rule> describedBy(String condition) {
            for (Rule rule : values()) {
                if (condition.startsWith(rule.display)) {
                    return Optional.of(rule);
                }
            }
            return Optional.empty();
        }
    }

    public Threshold {
        requireNonNull(rule, "rule");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("threshold must be a finite number, got " + value);
        }
        if (rule.onPValue() && (value <= 0 || value >= 1)) {
            throw new IllegalArgumentException("a p-value threshold must lie in (0, 1), got " + value);
        }
    }

    /** The same rule at another level: how a per-column override keeps the test's direction. */
    public Threshold withValue(double newValue) {
        return new Threshold(rule, newValue);
    }

    /**
     * @throws IllegalArgumentException if the rule needs a p-value and the outcome has none
     */
    public Verdict decide(TestOutcome outcome) {
        ErrorBound bound = outcome.bound();
        if (rule.onPValue()) {
            if (outcome.pValue() == null) {
                throw new IllegalArgumentException("threshold '" + describe() + "' needs a p-value; the test gives none");
            }
            if (bound != null && bound.pValueLow() != null && bound.pValueHigh() != null) {
                return decideInterval(isDrift(bound.pValueLow()), isDrift(bound.pValueHigh()));
            }
            return isDrift(outcome.pValue()) ? Verdict.DRIFT : Verdict.NO_DRIFT;
        }
        if (bound != null) {
            return decideInterval(isDrift(bound.statisticLow()), isDrift(bound.statisticHigh()));
        }
        return isDrift(outcome.statistic()) ? Verdict.DRIFT : Verdict.NO_DRIFT;
    }

    private static Verdict decideInterval(boolean driftAtLow, boolean driftAtHigh) {
        if (driftAtLow && driftAtHigh) {
            return Verdict.DRIFT;
        }
        return driftAtLow || driftAtHigh ? Verdict.INCONCLUSIVE : Verdict.NO_DRIFT;
    }

    private boolean isDrift(double measured) {
        return switch (rule) {
            case P_VALUE_AT_MOST -> measured <= value;
            case P_VALUE_BELOW -> measured < value;
            case STATISTIC_AT_LEAST -> measured >= value;
            case STATISTIC_ABOVE -> measured > value;
        };
    }

    /** For reports, e.g. {@code "p <= 0.05"}, with the value in full. */
    public String describe() {
        return describe(level -> String.format(Locale.ROOT, "%s", level));
    }

    /** For reports a person scans: the rule with the value as {@code format} writes it (a calibrated one rounded). */
    public String describe(DoubleFunction<String> format) {
        return rule.display + format.apply(value);
    }
}
