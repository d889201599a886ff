package io.driftwatch.stats.profile;

import io.driftwatch.stats.arithmetic.ExactSum;
/**
 * The exact sums of x and of x*x for a column, from which the mean and variance are computed with a
 * single rounding of an exact numerator. Because the sums are exact (see {@link ExactSum}) the mean and
 * variance of merged profiles equal, bit for bit, those of the concatenated data, in any merge order,
 * and the variance suffers no cancellation even when the mean is large against the spread.
 *
 * <p>Exactness needs the products to stay in the normal double range: squares of values above about
 * 1.3e154 overflow (mean and variance then report NaN), and the rounding error of squares below about
 * 1e-146 is no longer exact; such values still give a deterministic result, off by at most a few units
 * of 1e-308. Not thread-safe.
 */
final class ExactMoments {
    private final ExactSum sum;
    private final ExactSum sumOfSquares;

    ExactMoments() {
        this(new ExactSum(), new ExactSum());
    }

    ExactMoments(ExactSum sum, ExactSum sumOfSquares) {
        this.sum = sum;
        this.sumOfSquares = sumOfSquares;
    }

    void add(double value) {
        sum.add(value);
        sumOfSquares.addProduct(value, value);
    }

    void addAll(ExactMoments other) {
        sum.addAll(other.sum);
        sumOfSquares.addAll(other.sumOfSquares);
    }

    ExactSum sum() {
        return sum;
    }

    ExactSum sumOfSquares() {
        return sumOfSquares;
    }

    double mean(long count) {
        return count == 0 ? Double.NaN : sum.value() / count;
    }

    /** Sample variance (ddof 1); NaN below two values. */
    double sampleVariance(long count) {
        return count < 2 ? Double.NaN : scaledSquaredDeviations(count) / ((double) count * (count - 1));
    }

    /** Population variance (ddof 0); NaN for no values. */
    double populationVariance(long count) {
        return count == 0 ? Double.NaN : scaledSquaredDeviations(count) / ((double) count * count);
    }

    /**
     * n * sum(x^2) - (sum x)^2 = n * sum((x - mean)^2), evaluated exactly from the partials of both sums
     * (every product split by {@link ExactSum#addProduct}) and rounded once; never negative.
     */
    private double scaledSquaredDeviations(long count) {
        if (sum.isOverflowed() || sumOfSquares.isOverflowed()) {
            return Double.NaN;
        }
        ExactSum numerator = new ExactSum();
        double n = count;
        for (double partial : sumOfSquares.partials()) {
            numerator.addProduct(n, partial);
        }
        double[] sumPartials = sum.partials();
        for (double left : sumPartials) {
            for (double right : sumPartials) {
                numerator.addProduct(-left, right);
            }
        }
        return Math.max(0.0, numerator.value());
    }
}
