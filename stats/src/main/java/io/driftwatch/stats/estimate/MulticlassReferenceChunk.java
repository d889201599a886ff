package io.driftwatch.stats.estimate;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One labelled chunk of a multiclass reference as CBPE keeps it: each class's one-vs-rest confusion counts, from
 * which the chunk's realized accuracy and macro precision, recall and F1 follow, and its realized macro ROC AUC,
 * which does not follow from counts. The thresholds of the multiclass estimates are the mean −/+ 3 sd of these values
 * over the chunks. The realized values are NannyML's: NaN when the chunk's labels or its predictions hold one class,
 * else scikit-learn's macro scores, a class's 0/0 counting as 0.
 *
 * @param perClass each class's counts, the class against the rest, in class order
 * @param rocAuc   the chunk's realized macro ROC AUC; NaN when undefined
 */
public record MulticlassReferenceChunk(List<RealizedConfusion> perClass, double rocAuc) {
    public MulticlassReferenceChunk {
        perClass = List.copyOf(perClass);
        if (perClass.size() < 2) {
            throw new IllegalArgumentException("a multiclass chunk has at least two classes");
        }
    }

    /** The chunk's labelled rows. */
    public long rows() {
        return perClass.get(0).rows();
    }

    /** The chunk's realized value of {@code metric}; NaN when the chunk does not define it. */
    public double realized(EstimatedMetric metric) {
        if (metric == EstimatedMetric.ROC_AUC) {
            return rocAuc;
        }
        if (!variesIn(c -> c.truePositives() + c.falseNegatives()) || !variesIn(c -> c.truePositives() + c.falsePositives())) {
            return Double.NaN;
        }
        return switch (metric) {
            case ACCURACY -> (double) perClass.stream().mapToLong(RealizedConfusion::truePositives).sum() / rows();
            case MACRO_PRECISION -> macro(c -> share(c.truePositives(), c.truePositives() + c.falsePositives()));
            case MACRO_RECALL -> macro(c -> share(c.truePositives(), c.truePositives() + c.falseNegatives()));
            case MACRO_F1 -> macro(c -> share(2 * c.truePositives(),
                    2 * c.truePositives() + c.falsePositives() + c.falseNegatives()));
            default -> throw new IllegalArgumentException(metric.metricName() + " is not a multiclass metric");
        };
    }

    private boolean variesIn(ToDoubleFunction<RealizedConfusion> rowsOfClass) {
        return perClass.stream().filter(c -> rowsOfClass.applyAsDouble(c) > 0).count() > 1;
    }

    private double macro(ToDoubleFunction<RealizedConfusion> perClassValue) {
        return perClass.stream().mapToDouble(perClassValue).sum() / perClass.size();
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }
}
