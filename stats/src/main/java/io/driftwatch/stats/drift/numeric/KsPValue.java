package io.driftwatch.stats.drift.numeric;

import io.driftwatch.stats.drift.Method;

import static java.util.Objects.requireNonNull;

/**
 * A KS p-value together with the distribution that actually produced it: {@link Method#EXACT} or
 * {@link Method#ASYMPTOTIC}. The two differ from the requested {@link KsMethod} only when the exact computation
 * is impossible (lcm of the sizes beyond 32 bits) or fails numerically, where SciPy falls back the same way.
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
