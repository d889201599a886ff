package io.driftwatch.stats.estimate;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The window state for CBPE's two ranking metrics, estimated ROC AUC and estimated average precision, in bounded
 * memory and mergeable across partitions and sub-windows, where {@link RankedProbabilities} holds every row. A
 * binary model's calibrated probability is a non-decreasing function of its score, so ranking rows by score (ties by
 * p, highest first) gives the same sequence of p as ranking by p: the estimates depend only on the multiset of
 * calibrated probabilities, which this holds.
 *
 * <p><b>Exact form.</b> While the window has at most {@code distinctMax} distinct probabilities it holds each with
 * its row count, and both estimates equal, bit for bit, those of {@link RankedProbabilities} fed the same rows.
 *
 * <p><b>Bounded form.</b> Past {@code distinctMax} distinct probabilities it collapses, for good, into
 * {@code distinctMax} equal cells over [0, 1] (p = 1 in the last), each holding its row count and its sum of p; it
 * then takes {@code 16 × distinctMax} bytes whatever the window's size. The estimates walk the cells highest first,
 * each cell one step, and are within {@link #rocAucErrorBound()} and {@link #averagePrecisionErrorBound()} of the
 * exact ones (derived in {@link CellRankingBounds}); for 10,000 rows of uniform p and the default 2048 cells the
 * bounds are about 2.0e-4 (ROC AUC, measured error 8e-8) and 2.5e-4 (average precision, measured error
 * 1.2e-4).
 *
 * <p>Merging is associative and commutative up to the floating sums of the cells; a bounded operand makes the
 * result bounded. Two rankings with different caps refuse to merge, since their cells do not line up: every window
 * of one stream is built with the same cap. Not thread-safe.
 */
public final class ProbabilityRanking implements RankingEstimate {
    /** The cap on distinct probabilities, and so the number of cells, when none is given. */
    public static final int DEFAULT_DISTINCT_MAX = 2048;
    /** The largest cap accepted: a million cells, 16 MB. */
    public static final int DISTINCT_MAX_LIMIT = 1 << 20;

    private final int distinctMax;
    private final NavigableMap<Double, Long> rowsByProbability = new TreeMap<>();
    private long[] cellCounts = new long[0];
    private double[] cellSums = new double[0];
    private boolean exact = true;
    private long count;

    public ProbabilityRanking() {
        this(DEFAULT_DISTINCT_MAX);
    }

    /** @throws IllegalArgumentException when {@code distinctMax} is outside [1, {@link #DISTINCT_MAX_LIMIT}] */
    public ProbabilityRanking(int distinctMax) {
        if (distinctMax < 1 || distinctMax > DISTINCT_MAX_LIMIT) {
            throw new IllegalArgumentException("distinctMax " + distinctMax + " must be in [1, " + DISTINCT_MAX_LIMIT
                    + "]; it is the number of histogram cells once the window collapses");
        }
        this.distinctMax = distinctMax;
    }

    /**
     * Adds a row by its calibrated probability.
     *
     * @throws EstimationRefusedException when {@code probability} is outside [0, 1]
     */
    public void add(double probability) {
        // + 0.0 folds -0.0 into 0.0, which the map would hold as a second distinct probability
        addRows(Scores.checked(probability) + 0.0, 1);
    }

    /**
     * Adds every row of {@code other}.
     *
     * @throws IllegalArgumentException when {@code other} was built with a different cap
     */
    public void merge(ProbabilityRanking other) {
        if (other.distinctMax != distinctMax) {
            throw new IllegalArgumentException("cannot merge a ranking of distinctMax " + other.distinctMax
                    + " into one of " + distinctMax + ": their cells differ; build every window with the same cap");
        }
        if (other.exact) {
            for (Map.Entry<Double, Long> run : new TreeMap<>(other.rowsByProbability).entrySet()) {
                addRows(run.getKey(), run.getValue());
            }
            return;
        }
        if (exact) {
            collapse();
        }
        for (int cell = 0; cell < distinctMax; cell++) {
            cellCounts[cell] += other.cellCounts[cell];
            cellSums[cell] += other.cellSums[cell];
        }
        count += other.count;
    }

    /** The rows held. */
    public long count() {
        return count;
    }

    /** Whether the window still holds each distinct probability, so that the estimates are exact. */
    public boolean exact() {
        return exact;
    }

    public int distinctMax() {
        return distinctMax;
    }

    /** Estimated ROC AUC; NaN when the window is empty or expects no positive or no negative. */
    @Override
    public double rocAuc() {
        return count == 0 ? Double.NaN : steps().rocAuc();
    }

    /** Estimated average precision; NaN when the window is empty or expects no positive. */
    @Override
    public double averagePrecision() {
        return count == 0 ? Double.NaN : steps().averagePrecision();
    }

    /**
     * How far {@link #rocAuc()} can be from the exact estimate of the same rows: 0 while exact; once bounded, NaN
     * with the estimate and infinite when the window expects too few positives or negatives to say.
     */
    @Override
    public double rocAucErrorBound() {
        if (exact) {
            return 0;
        }
        return Double.isNaN(rocAuc()) ? Double.NaN : CellRankingBounds.rocAuc(cellCounts, cellSums);
    }

    /**
     * How far {@link #averagePrecision()} can be from the exact estimate of the same rows: 0 while exact; once
     * bounded, NaN with the estimate and infinite when the window expects too few positives to say.
     */
    @Override
    public double averagePrecisionErrorBound() {
        if (exact) {
            return 0;
        }
        return Double.isNaN(averagePrecision()) ? Double.NaN : CellRankingBounds.averagePrecision(cellCounts, cellSums);
    }

    /** The exact form's runs, highest probability last; empty once bounded. */
    SortedMap<Double, Long> rowsByProbability() {
        return Collections.unmodifiableSortedMap(rowsByProbability);
    }

    long[] cellCounts() {
        return cellCounts.clone();
    }

    double[] cellSums() {
        return cellSums.clone();
    }

    /** A bounded ranking with the given cells, as the codec reads it back. */
    static ProbabilityRanking ofCells(int distinctMax, long[] cellCounts, double[] cellSums) {
        ProbabilityRanking ranking = new ProbabilityRanking(distinctMax);
        ranking.collapse();
        for (int cell = 0; cell < distinctMax; cell++) {
            ranking.cellCounts[cell] = cellCounts[cell];
            ranking.cellSums[cell] = cellSums[cell];
            ranking.count += cellCounts[cell];
        }
        return ranking;
    }

    /** Adds {@code rows} rows of one probability, as the codec and a merge add a run. */
    void addRows(double probability, long rows) {
        count += rows;
        if (exact) {
            rowsByProbability.merge(probability, rows, Long::sum);
            if (rowsByProbability.size() > distinctMax) {
                collapse();
            }
            return;
        }
        int cell = cellOf(probability, distinctMax);
        cellCounts[cell] += rows;
        cellSums[cell] += probability * (double) rows;
    }

    /** The cell of {@code probability} among {@code cells} equal cells over [0, 1]; p = 1 falls in the last. */
    static int cellOf(double probability, int cells) {
        return Math.min((int) (probability * cells), cells - 1);
    }

    private void collapse() {
        exact = false;
        cellCounts = new long[distinctMax];
        cellSums = new double[distinctMax];
        for (Map.Entry<Double, Long> run : rowsByProbability.entrySet()) {
            int cell = cellOf(run.getKey(), distinctMax);
            cellCounts[cell] += run.getValue();
            cellSums[cell] += run.getKey() * (double) run.getValue();
        }
        rowsByProbability.clear();
    }

    private RankedSteps steps() {
        return exact ? RankedSteps.ofRuns(rowsByProbability) : RankedSteps.ofCells(cellCounts, cellSums);
    }
}
