package io.driftwatch.stats.sample;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The finite values of one numeric column, sorted once so that every exact test (KS, Wasserstein,
 * Cramer-von Mises, quantile binning ...) can share the same O(n log n) work. Immutable and thread-safe.
 */
public final class SortedSample {
    private final double[] sortedValues;
    private int distinctCount = -1;

    private SortedSample(double[] sortedValues) {
        this.sortedValues = sortedValues;
    }

    /**
     * Copies and sorts {@code values}.
     *
     * @throws IllegalArgumentException if a value is NaN or infinite: missing values are counted by the
     *                                  caller, never passed into a test
     */
    public static SortedSample of(double[] values) {
        requireNonNull(values, "values");
        return ofOwned(values.clone());
    }

    /** Sorts {@code values} in place and takes ownership of the array; the caller must not touch it again. */
    public static SortedSample ofOwned(double[] values) {
        requireNonNull(values, "values");
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a sample holds finite values only, got " + value);
            }
        }
        Arrays.sort(values);
        return new SortedSample(values);
    }

    public int size() {
        return sortedValues.length;
    }

    public boolean isEmpty() {
        return sortedValues.length == 0;
    }

    /** The i-th smallest value, 0-based. */
    public double get(int index) {
        return sortedValues[index];
    }

    public double min() {
        return sortedValues[0];
    }

    public double max() {
        return sortedValues[sortedValues.length - 1];
    }

    /** A copy of the sorted values; tests that loop over values should prefer {@link #get(int)}. */
    public double[] toArray() {
        return sortedValues.clone();
    }

    /** Number of values less than or equal to {@code x}: n times the empirical CDF at x. */
    public int countAtOrBelow(double x) {
        int low = 0;
        int high = sortedValues.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sortedValues[mid] <= x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Number of values strictly less than {@code x}. */
    public int countBelow(double x) {
        int low = 0;
        int high = sortedValues.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sortedValues[mid] < x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Number of distinct values, computed on first use. */
    public int distinctCount() {
        if (distinctCount < 0) {
            int distinct = sortedValues.length == 0 ? 0 : 1;
            for (int i = 1; i < sortedValues.length; i++) {
                if (sortedValues[i] != sortedValues[i - 1]) {
                    distinct++;
                }
            }
            distinctCount = distinct;
        }
        return distinctCount;
    }

    /** Arithmetic mean; NaN for an empty sample. */
    public double mean() {
        double sum = 0;
        for (double value : sortedValues) {
            sum += value;
        }
        return sum / sortedValues.length;
    }

    /** Population standard deviation (ddof 0, as NumPy's {@code std}); NaN for an empty sample. */
    public double populationStandardDeviation() {
        double mean = mean();
        double squares = 0;
        for (double value : sortedValues) {
            double deviation = value - mean;
            squares += deviation * deviation;
        }
        return Math.sqrt(squares / sortedValues.length);
    }

    /** Sample variance (ddof 1); NaN for fewer than two values. */
    public double sampleVariance() {
        double mean = mean();
        double squares = 0;
        for (double value : sortedValues) {
            double deviation = value - mean;
            squares += deviation * deviation;
        }
        return squares / (sortedValues.length - 1);
    }
}
