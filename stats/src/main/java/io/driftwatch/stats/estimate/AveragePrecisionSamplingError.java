package io.driftwatch.stats.estimate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * NannyML's sampling error of average precision ({@code ap_sampling_error_components}): the standard deviation
 * (ddof 0) of scikit-learn's average precision over 50 bootstrap resamples of the reference, each of
 * min(N / 2, 50,000) rows drawn with replacement, scaled to a chunk of n rows as std · √(resample size / n).
 *
 * <p><b>Where this differs from NannyML.</b> NannyML draws the resamples with NumPy's global, unseeded generator,
 * so its own value changes from run to run. Here the rows are drawn by SplitMix64 from a fixed seed (row index =
 * the generator's top 63 bits modulo N, a bias below N / 2^63), so the same reference always gives the same
 * component; {@code cbpe_reference.py} draws the same rows.
 */
public record AveragePrecisionSamplingError(double standardDeviation, int resampleSize) {
    static final int EXPERIMENTS = 50;
    static final int MAX_RESAMPLE_SIZE = 50_000;
    static final long SEED = 42;
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    /** The component of a labelled reference's raw scores. */
    public static AveragePrecisionSamplingError fit(double[] scores, boolean[] labels) {
        CalibrationRule.requireUsableReference(scores, labels);
        int size = Math.min(labels.length / 2, MAX_RESAMPLE_SIZE);
        long state = SEED;
        double[] results = new double[EXPERIMENTS];
        double[] sampleScores = new double[size];
        boolean[] sampleLabels = new boolean[size];
        for (int e = 0; e < EXPERIMENTS; e++) {
            for (int i = 0; i < size; i++) {
                state += GOLDEN_GAMMA;
                int row = (int) ((mix(state) >>> 1) % labels.length);
                sampleScores[i] = scores[row];
                sampleLabels[i] = labels[row];
            }
            results[e] = averagePrecision(sampleScores, sampleLabels);
        }
        double mean = Arrays.stream(results).sum() / EXPERIMENTS;
        double squares = Arrays.stream(results).map(r -> (r - mean) * (r - mean)).sum();
        return new AveragePrecisionSamplingError(Math.sqrt(squares / EXPERIMENTS), size);
    }

    /** NannyML's standard error of estimated average precision on a chunk of {@code rows} rows. */
    public double standardError(long rows) {
        return standardDeviation * Math.sqrt((double) resampleSize / rows);
    }

    /**
     * scikit-learn's {@code average_precision_score}: Σ (R_k − R_(k−1)) · P_k over the distinct scores, highest
     * first, with P_k and R_k the precision and recall of predicting positive at or above the k-th score.
     */
    static double averagePrecision(double[] scores, boolean[] labels) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        long positives = IntStream.range(0, labels.length).filter(i -> labels[i]).count();
        double sum = 0;
        double previousRecall = 0;
        long truePositives = 0;
        for (int k = 0; k < order.length; k++) {
            truePositives += labels[order[k]] ? 1 : 0;
            boolean lastOfThreshold = k == order.length - 1 || scores[order[k + 1]] != scores[order[k]];
            if (lastOfThreshold) {
                double recall = (double) truePositives / positives;
                sum += (recall - previousRecall) * truePositives / (k + 1);
                previousRecall = recall;
            }
        }
        return sum;
    }

    private static long mix(long z) {
        long x = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }
}
