package io.driftwatch.stats.compare;

/**
 * Dataset drift as Evidently defines it: drift when the share of drifted columns reaches a threshold.
 *
 * @param columns             number of columns compared (present in both data sets, tests run)
 * @param driftedColumns      number of those with a DRIFT verdict
 * @param inconclusiveColumns number with an INCONCLUSIVE verdict (counted apart, never as drifted)
 * @param share               driftedColumns / columns, 0 when nothing was compared
 * @param threshold           the share at which the data set counts as drifted
 */
public record DatasetVerdict(int columns, int driftedColumns, int inconclusiveColumns, double share, double threshold) {

    public static DatasetVerdict of(int columns, int driftedColumns, int inconclusiveColumns, double threshold) {
        double share = columns == 0 ? 0 : (double) driftedColumns / columns;
        return new DatasetVerdict(columns, driftedColumns, inconclusiveColumns, share, threshold);
    }

    public boolean driftDetected() {
        return columns > 0 && share >= threshold;
    }
}
