package io.driftwatch.stats.estimate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The isotonic fit NannyML calibrates scores with (scikit-learn's {@code IsotonicRegression(out_of_bounds='clip',
 * increasing=True)}): rows with the same score merged into one point at their labels' mean, weighted by their
 * count; adjacent violators pooled into their weighted mean until the fitted values never decrease; a score between
 * two fitted points interpolated linearly, a score outside the fitted range given the nearest end's value.
 *
 * <p>The fitted form is two arrays of doubles, the breakpoints and their values, with the inner points of a run of
 * equal values dropped as scikit-learn drops them (the interpolation is the same), so a baseline stores a few
 * dozen numbers. Immutable.
 */
public final class IsotonicCalibrator implements ScoreCalibration {
    private final double[] breakpoints;
    private final double[] values;

    private IsotonicCalibrator(double[] breakpoints, double[] values) {
        this.breakpoints = breakpoints;
        this.values = values;
    }

    /**
     * The fit on a labelled reference.
     *
     * @throws EstimationRefusedException when a score is outside [0, 1] or there is no row
     */
    public static IsotonicCalibrator fit(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        if (scores.length == 0) {
            throw new EstimationRefusedException("cannot fit a calibrator on a reference with no rows");
        }
        Scores.checkAll(scores);
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double[] x = new double[scores.length];
        double[] mean = new double[scores.length];
        double[] weight = new double[scores.length];
        int points = 0;
        for (int i : order) {
            double label = labels[i] ? 1.0 : 0.0;
            if (points > 0 && x[points - 1] == scores[i]) {
                mean[points - 1] += label;
                weight[points - 1] += 1.0;
            } else {
                x[points] = scores[i];
                mean[points] = label;
                weight[points] = 1.0;
                points++;
            }
        }
        for (int p = 0; p < points; p++) {
            mean[p] /= weight[p];
        }
        return new IsotonicCalibrator(Arrays.copyOf(x, points), poolAdjacentViolators(mean, weight, points))
                .withoutInnerPointsOfRuns();
    }

    /** A calibrator read back from its stored breakpoints (increasing) and values (non-decreasing). */
    public static IsotonicCalibrator of(double[] breakpoints, double[] values) {
        if (breakpoints.length == 0 || breakpoints.length != values.length) {
            throw new IllegalArgumentException("need as many values as breakpoints, and at least one");
        }
        for (int i = 1; i < breakpoints.length; i++) {
            if (!(breakpoints[i] > breakpoints[i - 1]) || values[i] < values[i - 1]) {
                throw new IllegalArgumentException("breakpoints must increase and values must not decrease, at " + i);
            }
        }
        return new IsotonicCalibrator(breakpoints.clone(), values.clone());
    }

    private static double[] poolAdjacentViolators(double[] mean, double[] weight, int points) {
        double[] blockValue = new double[points];
        double[] blockWeight = new double[points];
        int[] blockSize = new int[points];
        int blocks = 0;
        for (int p = 0; p < points; p++) {
            blockValue[blocks] = mean[p];
            blockWeight[blocks] = weight[p];
            blockSize[blocks] = 1;
            blocks++;
            while (blocks > 1 && blockValue[blocks - 2] > blockValue[blocks - 1]) {
                double pooledWeight = blockWeight[blocks - 2] + blockWeight[blocks - 1];
                blockValue[blocks - 2] = (blockValue[blocks - 2] * blockWeight[blocks - 2]
                        + blockValue[blocks - 1] * blockWeight[blocks - 1]) / pooledWeight;
                blockWeight[blocks - 2] = pooledWeight;
                blockSize[blocks - 2] += blockSize[blocks - 1];
                blocks--;
            }
        }
        double[] fitted = new double[points];
        int at = 0;
        for (int b = 0; b < blocks; b++) {
            Arrays.fill(fitted, at, at + blockSize[b], blockValue[b]);
            at += blockSize[b];
        }
        return fitted;
    }

    private IsotonicCalibrator withoutInnerPointsOfRuns() {
        int n = breakpoints.length;
        double[] keptX = new double[n];
        double[] keptY = new double[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            boolean inner = i > 0 && i < n - 1 && values[i] == values[i - 1] && values[i] == values[i + 1];
            if (!inner) {
                keptX[kept] = breakpoints[i];
                keptY[kept] = values[i];
                kept++;
            }
        }
        return new IsotonicCalibrator(Arrays.copyOf(keptX, kept), Arrays.copyOf(keptY, kept));
    }

    @Override
    public double calibrate(double score) {
        Scores.checked(score);
        int last = breakpoints.length - 1;
        if (score <= breakpoints[0]) {
            return values[0];
        }
        if (score >= breakpoints[last]) {
            return values[last];
        }
        int found = Arrays.binarySearch(breakpoints, score);
        if (found >= 0) {
            return values[found];
        }
        int right = -found - 1;
        int left = right - 1;
        double slope = (values[right] - values[left]) / (breakpoints[right] - breakpoints[left]);
        return slope * (score - breakpoints[left]) + values[left];
    }

    /** The scores at which the fitted function bends or jumps, increasing; a copy. */
    public double[] breakpoints() {
        return breakpoints.clone();
    }

    /** The calibrated probability at each breakpoint, non-decreasing; a copy. */
    public double[] values() {
        return values.clone();
    }
}
