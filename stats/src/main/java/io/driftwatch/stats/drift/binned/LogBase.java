package io.driftwatch.stats.drift.binned;

/**
 * The logarithm an information measure is reported in. Evidently reports Jensen-Shannon and
 * Kullback-Leibler in nats ({@link #E}); NannyML reports Jensen-Shannon in bits ({@link #TWO}), which
 * bounds the divergence by 1. Switching base rescales the divergence by 1 / ln 2 and never changes a
 * ranking.
 */
public enum LogBase {
    /** Natural logarithm: results in nats. */
    E,
    /** Base-2 logarithm: results in bits. */
    TWO;

    private static final double LN_2 = Math.log(2.0);

    /** Converts a quantity measured in nats (a sum of natural logarithms) to this base. */
    public double fromNats(double nats) {
        return this == E ? nats : nats / LN_2;
    }
}
