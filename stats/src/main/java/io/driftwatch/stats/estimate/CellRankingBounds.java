package io.driftwatch.stats.estimate;

/**
 * How far the estimates of a {@link ProbabilityRanking} collapsed into cells can be from the exact estimates of the
 * same rows ({@link RankedProbabilities}, and the exact form of the ranking, which equals it bit for bit).
 *
 * <p>Notation: cell c holds n_c rows and the sum s_c of their p; n = Σ n_c; m the occupied cells; P = Σ s_c and
 * N = n − P the expected positives and negatives. The rows of a cell are consecutive in the exact ranking, since
 * cells are intervals of p, so the cell walk visits the exact walk's points at the cell edges. Argued first in real
 * arithmetic without rounding (starred), then for what the code computes:
 * <ul>
 *   <li><b>ROC AUC.</b> Inside a cell the exact curve is monotone, so it stays in the rectangle its cell spans,
 *   ΔFPR_c = (n_c − s_c) / N by ΔTPR_c = s_c / P, while the cell walk takes the rectangle's diagonal: the areas
 *   differ by at most Σ_c ΔFPR_c · ΔTPR_c / 2.</li>
 *   <li><b>Average precision.</b> Inside a cell the exact sum adds ΔR_k · P_k over the cell's rows, the cell walk
 *   ΔR_c · P at the cell's last row; they differ by at most ΔR_c · (P_max − P_min) over the cell's rows. With k₀
 *   rows and a running sum S₀ before the cell, and every p of the cell in its edges [lo, hi], the precision after j of
 *   its rows lies in [(S₀ + j·lo) / (k₀ + j), (S₀ + j·hi) / (k₀ + j)], each end monotone in j, so
 *   P_max ≤ the larger of (S₀ + hi) / (k₀ + 1) and (S₀ + n_c·hi) / (k₀ + n_c), P_min ≥ the smaller of the same
 *   with lo.</li>
 *   <li><b>Rounding.</b> NannyML rounds each curve point to 5 decimals; with the floating sums, each computed
 *   point is within r = 5e-6 + 4·g·n of its real value, g = (n + m + 2)·2⁻⁵³, and so are the computed P and N.
 *   Normalised points then move by at most 2r / P' (TPR, recall) and 2r / N' (FPR), with P' = P − 2r and
 *   N' = N − 2r. A trapezoidal area over a path from (0, 0) to (1, 1), monotone in both axes, moves by at most the
 *   sum of the two (sum by parts), so each of the two walks is within 2r / P' + 2r / N' of its real value. An
 *   average precision moves by at most r (precisions move by at most r / k) plus 2r / P' times the total
 *   variation of the precision, at most ln n (each step changes it by at most 1 / k).</li>
 *   <li><b>Floating sums.</b> ε = 64·g covers the relative error of the cell sums, the sums over cells, the
 *   normalising divisions and the summed areas.</li>
 * </ul>
 * Hence |ROC AUC − exact| ≤ Σ_c s_c (n_c − s_c) / (2 P' N') + 4r / P' + 4r / N' + ε and |AP − exact| ≤
 * Σ_c (s_c / P') (P_max,c − P_min,c) + 2r + 4r·ln n / P' + ε. Both are infinite when P' ≤ 0 (or N' ≤ 0 for ROC
 * AUC): a window expecting so few positives cannot be ranked within any useful bound.
 */
final class CellRankingBounds {
    private static final double HALF_QUANTUM = 5e-6;
    private static final double UNIT_ROUNDOFF = 0x1p-53;

    private CellRankingBounds() {
    }

    static double rocAuc(long[] cellCounts, double[] cellSums) {
        Totals totals = Totals.of(cellCounts, cellSums);
        double positives = totals.positives - 2 * totals.pointError;
        double negatives = (double) totals.rows - totals.positives - 2 * totals.pointError;
        if (!(positives > 0 && negatives > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double rectangles = 0;
        for (int cell = 0; cell < cellCounts.length; cell++) {
            double sum = cellSums[cell];
            rectangles += sum * Math.max(0, (double) cellCounts[cell] - sum);
        }
        return rectangles / (2 * positives * negatives) + 4 * totals.pointError / positives
                + 4 * totals.pointError / negatives + totals.floatError();
    }

    static double averagePrecision(long[] cellCounts, double[] cellSums) {
        Totals totals = Totals.of(cellCounts, cellSums);
        double positives = totals.positives - 2 * totals.pointError;
        if (!(positives > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        int cells = cellCounts.length;
        double spread = 0;
        double runningSum = 0;
        long rowsBefore = 0;
        for (int cell = cells - 1; cell >= 0; cell--) {
            long rows = cellCounts[cell];
            if (rows == 0) {
                continue;
            }
            double lowest = Math.max(0, (double) cell / cells - 4 * UNIT_ROUNDOFF);
            double highest = Math.min(1, (double) (cell + 1) / cells + 4 * UNIT_ROUNDOFF);
            double most = Math.min(1, Math.max(precision(runningSum, rowsBefore, 1, highest),
                    precision(runningSum, rowsBefore, rows, highest)));
            double least = Math.max(0, Math.min(precision(runningSum, rowsBefore, 1, lowest),
                    precision(runningSum, rowsBefore, rows, lowest)));
            spread += cellSums[cell] / positives * (most - least);
            runningSum += cellSums[cell];
            rowsBefore += rows;
        }
        return spread + 2 * totals.pointError + 4 * totals.pointError * Math.log((double) totals.rows) / positives
                + totals.floatError();
    }

    private static double precision(double sumBefore, long rowsBefore, long rowsIn, double probability) {
        return (sumBefore + (double) rowsIn * probability) / (double) (rowsBefore + rowsIn);
    }

    private record Totals(long rows, int occupied, double positives, double pointError) {
        static Totals of(long[] cellCounts, double[] cellSums) {
            long rows = 0;
            int occupied = 0;
            double positives = 0;
            for (int cell = cellCounts.length - 1; cell >= 0; cell--) {
                rows += cellCounts[cell];
                occupied += cellCounts[cell] > 0 ? 1 : 0;
                positives += cellSums[cell];
            }
            double g = ((double) rows + occupied + 2) * UNIT_ROUNDOFF;
            return new Totals(rows, occupied, positives, HALF_QUANTUM + 4 * g * (double) rows);
        }

        double floatError() {
            return 64 * ((double) rows + occupied + 2) * UNIT_ROUNDOFF;
        }
    }
}
