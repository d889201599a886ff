package io.driftwatch.stats.quality;

import java.util.Map;
import java.util.TreeMap;

/**
 * The scores one class got, split by whether the class was the true one: enough for that class's
 * one-vs-rest ROC AUC, and mergeable. Exact (every distinct score kept, ties counted as the Mann-Whitney U
 * counts them) up to {@link #MAX_EXACT_SCORES} distinct scores; past that every score is rounded to a grid of
 * 1/{@value #GRID}, so a positive and a negative closer than the grid count as a tie and the AUC moves by at
 * most half the share of positive-negative pairs that share a grid cell. Scores in [0, 1] then need at most
 * 4,097 cells. Average precision is scikit-learn's step sum over the distinct scores (a tie is one threshold);
 * on the grid it is off by at most {@link #averagePrecisionErrorBound()}. Not thread-safe.
 */
final class ScoreHistogram {
    static final int MAX_EXACT_SCORES = 4096;
    static final int GRID = 4096;

    private final TreeMap<Double, long[]> counts = new TreeMap<>();
    private boolean rounded;

    void add(double score, boolean positive) {
        add(score, positive ? 1 : 0, positive ? 0 : 1);
    }

    void add(double score, long positives, long negatives) {
        double key = rounded ? onGrid(score) : score + 0.0;
        long[] cell = counts.computeIfAbsent(key, k -> new long[2]);
        cell[0] += positives;
        cell[1] += negatives;
        if (!rounded && counts.size() > MAX_EXACT_SCORES) {
            roundAll();
        }
    }

    void merge(ScoreHistogram other) {
        if (other.rounded && !rounded) {
            roundAll();
        }
        other.counts.forEach((score, cell) -> add(score, cell[0], cell[1]));
    }

    private void roundAll() {
        rounded = true;
        TreeMap<Double, long[]> exact = new TreeMap<>(counts);
        counts.clear();
        exact.forEach((score, cell) -> add(score, cell[0], cell[1]));
    }

    private static double onGrid(double score) {
        return Math.round(score * GRID) / (double) GRID + 0.0;
    }

    /** ROC AUC of this class against the rest, or NaN when it has no positive or no negative. */
    double rocAuc() {
        double belowNegatives = 0;
        double u = 0;
        long positives = 0;
        for (long[] cell : counts.values()) {
            u += cell[0] * (belowNegatives + cell[1] / 2.0);
            belowNegatives += cell[1];
            positives += cell[0];
        }
        if (positives == 0 || belowNegatives == 0) {
            return Double.NaN;
        }
        return u / (positives * belowNegatives);
    }

    /**
     * scikit-learn's {@code average_precision_score} of this class against the rest: over the distinct scores from
     * the highest down, the sum of (R_n - R_{n-1}) P_n, recall and precision at "score at least this one"; NaN when
     * the class has no positive.
     */
    double averagePrecision() {
        long positives = positives();
        if (positives == 0) {
            return Double.NaN;
        }
        double sum = 0;
        long truePositives = 0;
        long falsePositives = 0;
        for (long[] cell : counts.descendingMap().values()) {
            truePositives += cell[0];
            falsePositives += cell[1];
            if (cell[0] > 0) {
                sum += cell[0] / (double) positives * truePositives / (truePositives + falsePositives);
            }
        }
        return sum;
    }

    /**
     * How far {@link #averagePrecision()} can be from the exact value once scores are on the grid; 0 while exact.
     * Rounding moves no score across a cell boundary, so only the precision credited to a cell's positives can
     * change: each lies between (A + 1) / (A + B + 1 + n) and (A + p) / (A + B + p), A and B the positives and
     * negatives above the cell, p and n its own, and the grid credits a value in that range too. The bound sums
     * p / P times that range over the cells.
     */
    double averagePrecisionErrorBound() {
        long positives = positives();
        if (!rounded || positives == 0) {
            return 0;
        }
        double bound = 0;
        long above = 0;
        long negativesAbove = 0;
        for (long[] cell : counts.descendingMap().values()) {
            if (cell[0] > 0) {
                double low = (above + 1.0) / (above + negativesAbove + 1 + cell[1]);
                double high = (above + cell[0]) / (double) (above + negativesAbove + cell[0]);
                bound += cell[0] / (double) positives * (high - low);
            }
            above += cell[0];
            negativesAbove += cell[1];
        }
        return bound;
    }

    private long positives() {
        long positives = 0;
        for (long[] cell : counts.values()) {
            positives += cell[0];
        }
        return positives;
    }

    boolean rounded() {
        return rounded;
    }

    Map<Double, long[]> cells() {
        return counts;
    }

    static ScoreHistogram of(boolean rounded, Map<Double, long[]> cells) {
        ScoreHistogram histogram = new ScoreHistogram();
        histogram.rounded = rounded;
        cells.forEach((score, cell) -> histogram.counts.put(score, cell.clone()));
        return histogram;
    }
}
