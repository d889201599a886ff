package io.driftwatch.stats.estimate;

/**
 * A window's estimated ROC AUC and average precision with how far each can be from the value of the exact,
 * row-by-row ranking: zero for a form that holds every row ({@link RankedProbabilities}), a stated bound for a form
 * that holds bounded state. The estimate's verdict takes the bound into account, as the drift tests' sketch bounds
 * do.
 */
public interface RankingEstimate {
    /** Estimated ROC AUC; NaN when the window expects no positive or no negative. */
    double rocAuc();

    /** Estimated average precision; NaN when the window expects no positive. */
    double averagePrecision();

    /** How far {@link #rocAuc()} can be from the exact estimate; 0 when it is exact. */
    double rocAucErrorBound();

    /** How far {@link #averagePrecision()} can be from the exact estimate; 0 when it is exact. */
    double averagePrecisionErrorBound();
}
