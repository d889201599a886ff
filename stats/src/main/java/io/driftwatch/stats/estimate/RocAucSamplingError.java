package io.driftwatch.stats.estimate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * NannyML's sampling-error component for ROC AUC ({@code auroc_sampling_error_components}), from the AUC written as
 * a Mann-Whitney U: with the labels flipped (and the scores mirrored) when positives are the majority, the rows
 * ranked by score, each positive contributes the number of negatives ranked below it divided by the number of
 * negatives; the component is the standard deviation (ddof 0) of those contributions and the positives' share.
 * As NannyML's code does, the positive ranked first, if any, is left out. Rows with equal scores keep their order
 * (a stable sort), where NannyML's unstable sort leaves it open.
 */
final class RocAucSamplingError {
    private RocAucSamplingError() {
    }

    static SamplingErrorComponent fit(double[] scores, boolean[] labels) {
        int rows = labels.length;
        long positives = IntStream.range(0, rows).filter(i -> labels[i]).count();
        boolean flip = positives * 2 > rows;
        Integer[] order = IntStream.range(0, rows).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> flip ? 1 - scores[i] : scores[i]));
        long minority = flip ? rows - positives : positives;
        long majority = rows - minority;
        double[] contributions = new double[rows];
        int count = 0;
        for (int rank = 1; rank < rows; rank++) {
            if (labels[order[rank]] != flip) {
                contributions[count] = (double) (rank - count) / majority;
                count++;
            }
        }
        double[] used = Arrays.copyOf(contributions, count);
        double mean = Arrays.stream(used).sum() / count;
        double squares = Arrays.stream(used).map(c -> (c - mean) * (c - mean)).sum();
        return new SamplingErrorComponent(Math.sqrt(squares / count), (double) minority / rows);
    }
}
