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
 * <p>This is the exact form, which holds every row, scores included, and suits one-vs-rest probabilities too. For
 * a binary model the estimates depend only on the calibrated probabilities, and {@link ProbabilityRanking} holds
 * them in bounded memory, mergeable: exact (equal to this bit for bit) up to a cap on distinct probabilities, then
 * a histogram of cells with a stated error bound. Not thread-safe.
 */
public final class RankedProbabilities implements RankingEstimate {
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
        return RankedSteps.ofRows(rankedProbabilities()).rocAuc();
    }

    @Override
    public double averagePrecision() {
        return RankedSteps.ofRows(rankedProbabilities()).averagePrecision();
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
}
