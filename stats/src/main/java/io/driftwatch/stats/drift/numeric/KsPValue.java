package io.driftwatch.stats.drift.numeric;

import io.driftwatch.stats.drift.Method;

import static java.util.Objects.requireNonNull;

/**
 * A KS p-value together with the distribution that actually produced it: {@link Method#EXACT} or
 * {@link Method#ASYMPTOTIC}. It differs from {@link KsTest#methodFor} only when the exact computation fails
 * numerically and falls back to the asymptotic distribution, as SciPy does.
 *
 * @param pValue probability in [0, 1] of a statistic at least as large under the null hypothesis; NaN when
 *               undefined (the asymptotic distribution for two samples of one value each)
 * @param method {@code EXACT} or {@code ASYMPTOTIC}
 */
public record KsPValue(double pValue, Method method) {
    public KsPValue {
        requireNonNull(method, "method");
        if (method == Method.SKETCH) {
            throw new IllegalArgumentException("a KS p-value is exact or asymptotic, never " + method);
        }
    }
}
