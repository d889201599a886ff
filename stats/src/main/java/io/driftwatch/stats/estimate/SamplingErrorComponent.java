package io.driftwatch.stats.estimate;

/**
 * What NannyML keeps from the reference to give a metric's sampling error on a chunk of any size: the standard
 * deviation (ddof 0) of the metric's per-row contributions on the reference, and the share of rows that contribute
 * (for precision, the rows predicted positive). The standard error on n rows is then
 * {@code standardDeviation / sqrt(n * relevantShare)}, NannyML's {@code _universal_sampling_error}.
 */
public record SamplingErrorComponent(double standardDeviation, double relevantShare) {

    /** NannyML's standard error of the metric on a chunk of {@code rows} rows. */
    public double standardError(long rows) {
        return standardDeviation / Math.sqrt(rows * relevantShare);
    }

    /** The component of a 0/1 contribution with {@code ones} ones among {@code contributing} rows of {@code rows}. */
    static SamplingErrorComponent ofIndicator(long ones, long contributing, long rows) {
        double share = (double) ones / contributing;
        return new SamplingErrorComponent(Math.sqrt(share * (1 - share)), (double) contributing / rows);
    }
}
