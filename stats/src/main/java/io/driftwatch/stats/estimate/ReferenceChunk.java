package io.driftwatch.stats.estimate;

import org.jspecify.annotations.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * One labelled chunk of the reference as CBPE keeps it: its confusion counts, from which every estimated metric's
 * realized reference value follows for any business value a policy sets later, and its realized ROC AUC and average
 * precision, which do not follow from counts. The thresholds of the estimates are the mean −/+ 3 sd of these values
 * over the chunks.
 *
 * @param confusion        the chunk's labelled rows' confusion counts
 * @param rocAuc           the chunk's realized ROC AUC; NaN when undefined (one class)
 * @param averagePrecision the chunk's realized average precision; NaN when undefined (no positive)
 */
public record ReferenceChunk(RealizedConfusion confusion, double rocAuc, double averagePrecision) {
    public ReferenceChunk {
        requireNonNull(confusion, "confusion");
    }

    /** The chunk's realized value of {@code metric}; NaN when the chunk does not define it. */
    double realized(EstimatedMetric metric, @Nullable BusinessValue businessValue) {
        boolean empty = confusion.rows() == 0;
        return switch (metric) {
            case ACCURACY -> empty ? Double.NaN : confusion.accuracy();
            case PRECISION -> confusion.precision();
            case RECALL -> confusion.recall();
            case SPECIFICITY -> confusion.specificity();
            case F1 -> confusion.f1();
            case ROC_AUC -> rocAuc;
            case AVERAGE_PRECISION -> averagePrecision;
            case BUSINESS_VALUE -> empty || businessValue == null ? Double.NaN : confusion.businessValue(businessValue);
            case MACRO_PRECISION, MACRO_RECALL, MACRO_F1 -> Double.NaN;
        };
    }
}
