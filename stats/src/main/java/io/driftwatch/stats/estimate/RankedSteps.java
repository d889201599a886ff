package io.driftwatch.stats.estimate;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A window's ranking walked highest first, as NannyML walks it for {@code estimate_roc_auc} and {@code estimate_ap}:
 * each step adds its expected positives to the running sum of p and its rows to the rows passed, the expected true
 * positives are that running sum and the expected false positives the rows passed minus it, both rounded to 5
 * decimals. A run is one step repeated, so equal probabilities are held once with their row count and still walked
 * row by row. Shared by the row-holding {@link RankedProbabilities} and the mergeable {@link ProbabilityRanking} so
 * that both give the same bits for the same rows. Both areas are 0 for an empty walk.
 */
final class RankedSteps {
    private static final double ROUNDING = 1e5;

    private final double[] stepPositives;
    private final long[] stepRows;
    private final long[] repeats;

    /** Runs in ranking order: run i is {@code repeats[i]} steps of {@code stepRows[i]} rows and
     * {@code stepPositives[i]} expected positives each. */
    RankedSteps(double[] stepPositives, long[] stepRows, long[] repeats) {
        this.stepPositives = stepPositives;
        this.stepRows = stepRows;
        this.repeats = repeats;
    }

    /** Every run one row long: the probabilities of rows already ranked. */
    static RankedSteps ofRows(double[] rankedProbabilities) {
        long[] ones = new long[rankedProbabilities.length];
        Arrays.fill(ones, 1L);
        return new RankedSteps(rankedProbabilities, ones, ones);
    }

    /** Each distinct probability one row long, repeated over its rows, highest first. */
    static RankedSteps ofRuns(NavigableMap<Double, Long> rowsByProbability) {
        int runs = rowsByProbability.size();
        double[] probabilities = new double[runs];
        long[] repeats = new long[runs];
        int i = 0;
        for (Map.Entry<Double, Long> run : rowsByProbability.descendingMap().entrySet()) {
            probabilities[i] = run.getKey();
            repeats[i++] = run.getValue();
        }
        long[] ones = new long[runs];
        Arrays.fill(ones, 1L);
        return new RankedSteps(probabilities, ones, repeats);
    }

    /** Each occupied cell one step of all its rows and their sum of p, highest cell first. */
    static RankedSteps ofCells(long[] cellCounts, double[] cellSums) {
        int occupied = (int) Arrays.stream(cellCounts).filter(rows -> rows > 0).count();
        double[] sums = new double[occupied];
        long[] counts = new long[occupied];
        long[] ones = new long[occupied];
        int i = 0;
        for (int cell = cellCounts.length - 1; cell >= 0; cell--) {
            if (cellCounts[cell] > 0) {
                sums[i] = cellSums[cell];
                counts[i] = cellCounts[cell];
                ones[i++] = 1;
            }
        }
        return new RankedSteps(sums, counts, ones);
    }

    double rocAuc() {
        double[] totals = totals();
        double positives = rounded(totals[0]);
        double negatives = rounded(totals[1] - totals[0]);
        double running = 0;
        long passed = 0;
        double previousTps = 0;
        double previousFps = 0;
        double area = 0;
        for (int i = 0; i < stepPositives.length; i++) {
            for (long r = 0; r < repeats[i]; r++) {
                running += stepPositives[i];
                passed += stepRows[i];
                double tps = rounded(running);
                double fps = rounded((double) passed - running);
                area += (fps / negatives - previousFps / negatives) * (tps / positives + previousTps / positives) / 2;
                previousTps = tps;
                previousFps = fps;
            }
        }
        return area;
    }

    double averagePrecision() {
        double positives = rounded(totals()[0]);
        double running = 0;
        long passed = 0;
        double previousTps = 0;
        double sum = 0;
        for (int i = 0; i < stepPositives.length; i++) {
            for (long r = 0; r < repeats[i]; r++) {
                running += stepPositives[i];
                passed += stepRows[i];
                double tps = rounded(running);
                sum += (tps / positives - previousTps / positives) * (tps / (double) passed);
                previousTps = tps;
            }
        }
        return sum;
    }

    // The running sum of p and the rows passed at the end of the walk, summed in walk order as the curves sum them.
    private double[] totals() {
        double running = 0;
        long passed = 0;
        for (int i = 0; i < stepPositives.length; i++) {
            for (long r = 0; r < repeats[i]; r++) {
                running += stepPositives[i];
                passed += stepRows[i];
            }
        }
        return new double[] {running, (double) passed};
    }

    // NumPy's round(x, 5): x scaled, rounded half to even, scaled back.
    private static double rounded(double value) {
        return Math.rint(value * ROUNDING) / ROUNDING;
    }
}
