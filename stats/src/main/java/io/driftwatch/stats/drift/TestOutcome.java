package io.driftwatch.stats.drift;

import org.jspecify.annotations.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * What one drift test found on one column, before any threshold is applied.
 *
 * @param statistic the test's statistic (its range and sign convention are documented on each test)
 * @param pValue    the p-value where the test has one, else null
 * @param method    how the numbers were obtained
 * @param bound     the error bound of a {@link Method#SKETCH} result, null for raw-value results
 */
public record TestOutcome(double statistic, @Nullable Double pValue, Method method, @Nullable ErrorBound bound) {
    public TestOutcome {
        requireNonNull(method, "method");
        if (method == Method.SKETCH && bound == null) {
            throw new IllegalArgumentException("a sketch result must carry its error bound");
        }
    }

    /** A result with a statistic only, computed from all raw values. */
    public static TestOutcome exactStatistic(double statistic) {
        return new TestOutcome(statistic, null, Method.EXACT, null);
    }

    /** A raw-value result with a p-value obtained by {@code method}. */
    public static TestOutcome withPValue(double statistic, double pValue, Method method) {
        return new TestOutcome(statistic, pValue, method, null);
    }
}
