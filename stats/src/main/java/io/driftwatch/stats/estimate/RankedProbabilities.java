package io.driftwatch.stats.estimate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The held scores of a window with their calibrated probabilities, for the two metrics CBPE estimates from the
 * scores' order: ROC AUC and average precision (NannyML's {@code estimate_roc_auc} and {@code estimate_ap}). Rows
 * are ranked by score, highest first; walking down the ranking, the expected true positives are the running sum of
 * p and the expected false positives the rows passed minus that sum, both rounded to 5 decimals as NannyML rounds
 * them. ROC AUC is the trapezoidal area under the expected TPR against the expected FPR; average precision is
 * Σ (R_k − R_(k−1)) · P_k with P_k the expected true positives over the k rows passed and R_k their share of all
 * expected positives. Rows with the same score are taken in decreasing order of p, a fixed order where NannyML's
 * unstable sort leaves one open; that changes nothing when tied scores have equal probabilities, which holds for a
 * binary model (calibration is a function of the score) and can differ slightly for one-vs-rest probabilities.
 *
 * <p>This is the exact form, which holds every row. A mergeable form for windows too large to hold would keep, per
 * cell of a score histogram, the row count and the sum of p: ranking cells instead of rows fixes the curves at the
 * cell edges, and inside a cell the expected curve can only move within the rectangle its ΔFPR × ΔTPR span, so the
 * ROC AUC is off by at most Σ ΔFPR·ΔTPR / 2 over the cells (at most half the largest cell's ΔTPR), and the average
 * precision by at most Σ ΔR · (P_max − P_min) over a cell's rows. Not thread-safe.
 */
public final class RankedProbabilities implements RankingEstimate {
    private static final double ROUNDING = 1e5;

    private double[] scores = new double[16];
    private double[] probabilities = new double[16];
    private int size;

    /** Adds a row: its raw score and its calibrated probability. */
    public void add(double score, double probability) {
        Scores.checked(score);
        Scores.checked(probability);
        if (size == scores.length) {
            scores = Arrays.copyOf(scores, size * 2);
            probabilities = Arrays.copyOf(probabilities, size * 2);
        }
        scores[size] = score;
        probabilities[size] = probability;
        size++;
    }

    /** Adds every row of {@code other}. */
    public void merge(RankedProbabilities other) {
        for (int i = 0; i < other.size; i++) {
            add(other.scores[i], other.probabilities[i]);
        }
    }

    /** The rows held. */
    public int size() {
        return size;
    }

    @Override
    public double rocAuc() {
        double[] p = rankedProbabilities();
        double[] tps = new double[p.length + 1];
        double[] fps = new double[p.length + 1];
        double running = 0;
        for (int k = 0; k < p.length; k++) {
            running += p[k];
            tps[k + 1] = rounded(running);
            fps[k + 1] = rounded(k + 1 - running);
        }
        double positives = tps[p.length];
        double negatives = fps[p.length];
        double area = 0;
        for (int k = 1; k <= p.length; k++) {
            area += (fps[k] / negatives - fps[k - 1] / negatives) * (tps[k] / positives + tps[k - 1] / positives) / 2;
        }
        return area;
    }

    @Override
    public double averagePrecision() {
        double[] p = rankedProbabilities();
        double[] tps = new double[p.length + 1];
        double running = 0;
        for (int k = 0; k < p.length; k++) {
            running += p[k];
            tps[k + 1] = rounded(running);
        }
        double positives = tps[p.length];
        double sum = 0;
        for (int k = 1; k <= p.length; k++) {
            sum += (tps[k] / positives - tps[k - 1] / positives) * (tps[k] / k);
        }
        return sum;
    }

    /** 0: the rows are all held. */
    @Override
    public double rocAucErrorBound() {
        return 0;
    }

    /** 0: the rows are all held. */
    @Override
    public double averagePrecisionErrorBound() {
        return 0;
    }

    /**
     * NannyML's multiclass estimated ROC AUC: the unweighted mean of each class's one-vs-rest estimate, with the
     * class's raw scores and its normalised calibrated probabilities.
     */
    public static double macroRocAuc(List<RankedProbabilities> perClass) {
        return perClass.stream().mapToDouble(RankedProbabilities::rocAuc).sum() / perClass.size();
    }

    private double[] rankedProbabilities() {
        Integer[] order = IntStream.range(0, size).boxed().toArray(Integer[]::new);
        Comparator<Integer> byScore = Comparator.comparingDouble(i -> scores[i]);
        Comparator<Integer> byProbability = Comparator.comparingDouble(i -> probabilities[i]);
        Arrays.sort(order, byScore.thenComparing(byProbability).reversed());
        return Arrays.stream(order).mapToDouble(i -> probabilities[i]).toArray();
    }

    // NumPy's round(x, 5): x scaled, rounded half to even, scaled back.
    private static double rounded(double value) {
        return Math.rint(value * ROUNDING) / ROUNDING;
    }
}
