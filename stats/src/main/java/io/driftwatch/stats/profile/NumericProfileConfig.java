package io.driftwatch.stats.profile;

import org.apache.datasketches.kll.KllSketch;

/**
 * How much a {@link NumericProfile} keeps. Two profiles merge only under the same configuration, because
 * the sketch accuracy and the exact-value cap are part of what a profile promises.
 *
 * <p>The default KLL {@code k} is {@value #DEFAULT_KLL_K} = {@code KllSketch.getKFromEpsilon(0.005, false)}:
 * the sketch KS statistic is within eps_ref + eps_cur of the exact one, and we want that to be at most
 * 0.01, a tenth of the usual 0.1 effect-size threshold on D. Its normalized rank error
 * ({@code KllSketch.getNormalizedRankError(547, false)}, single-sided, 99% confidence) is 0.4998%, and
 * 0.639% for a PMF bar; the sketch is exact up to 547 values and serializes to about 13 KB at a million.
 * The default exact-value cap of {@value #DEFAULT_EXACT_VALUE_CAP} values (16 KB) costs about as much as
 * that sketch, so holding small windows exactly at most doubles a profile's size.
 *
 * @param kllK          KLL accuracy parameter, 8 to 65535; larger is more accurate and bigger
 * @param exactValueCap the most raw values kept for exact tests, 0 to {@value #MAX_EXACT_VALUE_CAP}
 */
public record NumericProfileConfig(int kllK, int exactValueCap) {
    public static final int DEFAULT_KLL_K = 547;
    public static final int DEFAULT_EXACT_VALUE_CAP = 2048;
    /** 128 MiB of raw values: beyond this a profile is no longer a small state-store value. */
    public static final int MAX_EXACT_VALUE_CAP = 1 << 24;
    private static final int MIN_KLL_K = 8;

    public NumericProfileConfig {
        if (kllK < MIN_KLL_K || kllK > KllSketch.MAX_K) {
            throw new IllegalArgumentException("kllK must be between " + MIN_KLL_K + " and " + KllSketch.MAX_K
                    + ", got " + kllK + "; the default " + DEFAULT_KLL_K + " gives a 0.5% rank error");
        }
        if (exactValueCap < 0 || exactValueCap > MAX_EXACT_VALUE_CAP) {
            throw new IllegalArgumentException("exactValueCap must be between 0 and " + MAX_EXACT_VALUE_CAP
                    + ", got " + exactValueCap);
        }
    }

    public static NumericProfileConfig defaults() {
        return new NumericProfileConfig(DEFAULT_KLL_K, DEFAULT_EXACT_VALUE_CAP);
    }

    /** The sketch's normalized rank error once in estimation mode: single-sided, 99% confidence. */
    public double normalizedRankError() {
        return KllSketch.getNormalizedRankError(kllK, false);
    }
}
