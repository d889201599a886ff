package io.driftwatch.stats.estimate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * NannyML's expected calibration error, the number its calibration rule compares before and after calibrating:
 * rows sorted by probability, cut into bins of equal row counts, and the row-weighted mean over bins of the gap
 * between the bin's mean probability and its share of positives.
 *
 * <p>The bins are NannyML's {@code _get_bin_index_edges}: ten by default; when there are at most twice as many rows
 * as bins, half as many bins as rows; each bin {@code n / bins} rows wide (integer division) and the last one
 * stretched to the end. Rows with equal probabilities keep their order (a stable sort), where NannyML's unstable
 * sort leaves it open, which changes the result only when tied rows straddle a bin edge.
 */
public final class ExpectedCalibrationError {
    /** NannyML's default number of bins. */
    public static final int DEFAULT_BINS = 10;

    private ExpectedCalibrationError() {
    }

    /**
     * The bin edges as row indexes, {@code edges[0] == 0} and {@code edges[last] == rows}.
     *
     * @throws EstimationRefusedException when fewer than two bins of two rows fit (fewer than four rows)
     */
    public static int[] binEdges(int rows, int bins) {
        int count = bins;
        if (rows <= 2 * bins) {
            count = rows / 2;
            if (count < 2) {
                throw new EstimationRefusedException("cannot split " + rows + " rows into the 2 bins of at least 2"
                        + " rows the expected calibration error needs: the reference is too small");
            }
        }
        int width = rows / count;
        int[] edges = IntStream.iterate(0, e -> e <= rows, e -> e + width).toArray();
        edges[edges.length - 1] = rows;
        return edges;
    }

    /** The expected calibration error of {@code probabilities} against {@code labels} over {@code edges}. */
    public static double of(boolean[] labels, double[] probabilities, int[] edges) {
        Integer[] order = IntStream.range(0, probabilities.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> probabilities[i]));
        double error = 0;
        for (int b = 0; b + 1 < edges.length; b++) {
            double probabilitySum = 0;
            double positives = 0;
            for (int r = edges[b]; r < edges[b + 1]; r++) {
                probabilitySum += probabilities[order[r]];
                positives += labels[order[r]] ? 1 : 0;
            }
            int size = edges[b + 1] - edges[b];
            double weight = (double) size / probabilities.length;
            error += weight * Math.abs(probabilitySum / size - positives / size);
        }
        return error;
    }
}
