package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.sample.SortedSample;

/**
 * Equal-width bin edges chosen by NumPy's {@code histogram_bin_edges(values, bins="sturges"|"doane")},
 * reproduced operation by operation: the rule's bin width, ceil(range / width) bins, then {@code linspace}
 * from the minimum to the maximum (last edge set to the maximum exactly). Bin counts must match NumPy's, so
 * even the rounding of range / width matters: for a power-of-two size, Sturges' ratio can land one ulp
 * above an integer and NumPy then adds a bin, and so do we.
 */
final class EqualWidthEdges {
    private static final double LN_2 = Math.log(2.0);

    private EqualWidthEdges() {
    }

    /** Sturges' rule over values spanning [min, max], {@code size} values in all. */
    static double[] sturges(double min, double max, long size) {
        double width = (max - min) / (log2((double) size) + 1.0);
        return edges(min, max, width);
    }

    /**
     * Doane's rule: Sturges corrected for the sample's skewness, so skewed columns get more bins. NumPy sums
     * the moments pairwise, so its bin count could differ from this one only if range / width fell within
     * rounding of an integer.
     */
    static double[] doane(SortedSample sample) {
        return edges(sample.min(), sample.max(), doaneWidth(sample));
    }

    private static double doaneWidth(SortedSample sample) {
        int size = sample.size();
        if (size <= 2) {
            return 0;
        }
        double sigma = sample.populationStandardDeviation();
        if (!(sigma > 0)) {
            return 0;
        }
        double skewnessStandardError = Math.sqrt(6.0 * (size - 2) / ((size + 1.0) * (size + 3)));
        double skewness = skewness(sample, sigma);
        return (sample.max() - sample.min())
                / (1.0 + log2(size) + log2(1.0 + Math.abs(skewness) / skewnessStandardError));
    }

    private static double skewness(SortedSample sample, double sigma) {
        double mean = sample.mean();
        double cubes = 0;
        for (int i = 0; i < sample.size(); i++) {
            double standardized = (sample.get(i) - mean) / sigma;
            cubes += standardized * standardized * standardized;
        }
        return cubes / sample.size();
    }

    /**
     * A zero width (constant values, or Doane on fewer than three values) means one bin, and a zero range
     * is widened to [value - 0.5, value + 0.5], both as in NumPy. Where NumPy would refuse to build bins
     * narrower than the doubles can resolve ("too many bins for data range"), the repeated edges here
     * simply bound empty bins.
     */
    private static double[] edges(double min, double max, double width) {
        double first = min;
        double last = max;
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        int binCount = width == 0 ? 1 : (int) Math.ceil((last - first) / width);
        return linspace(first, last, binCount);
    }

    /** NumPy's {@code linspace(first, last, binCount + 1)}: the edges of {@code binCount} equal bins. */
    static double[] linspace(double first, double last, int binCount) {
        double[] edges = new double[binCount + 1];
        double delta = last - first;
        double step = delta / binCount;
        for (int i = 0; i < binCount; i++) {
            // NumPy scales by step unless step underflows to zero, then by delta / binCount per element.
            edges[i] = (step == 0 ? i / (double) binCount * delta : i * step) + first;
        }
        edges[binCount] = last;
        return edges;
    }

    /**
     * Exact for powers of two, where an error of one ulp would change Sturges' bin count; for any other
     * integer n, log2(n) is at least 1 / (n ln 2) away from an integer, far more than the ulp this division
     * may be off, so ceil() decides as NumPy's does.
     */
    private static double log2(double value) {
        if (value > 0 && value == Math.rint(value) && value < 0x1p62 && Long.bitCount((long) value) == 1) {
            return Long.numberOfTrailingZeros((long) value);
        }
        return Math.log(value) / LN_2;
    }
}
