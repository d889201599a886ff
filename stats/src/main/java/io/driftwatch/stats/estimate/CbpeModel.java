package io.driftwatch.stats.estimate;

import io.driftwatch.stats.calibration.MetricBand;
import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static java.util.Objects.requireNonNull;

/**
 * CBPE ready to estimate: a fitted reference and the business value to estimate, with what follows from them, the
 * sampling errors and each metric's thresholds (the mean −/+ 3 standard deviations of its realized value over the
 * reference's chunks, clipped to the metric's range, as NannyML sets them). {@code check}'s chunks and the stream's
 * windows are estimated here, from the same state, so they give the same numbers.
 *
 * @param reference     the fit on the labelled reference
 * @param businessValue the business value to estimate; null for none
 */
public record CbpeModel(CbpeReference reference, @Nullable BusinessValue businessValue) {
    public CbpeModel {
        requireNonNull(reference, "reference");
    }

    /** The sampling-error components of the metrics that follow from counts, and ROC AUC's. */
    public BinarySamplingErrors samplingErrors() {
        RealizedConfusion counts = reference.confusion();
        return new BinarySamplingErrors(counts.truePositives(), counts.falsePositives(), counts.falseNegatives(),
                counts.trueNegatives(), reference.rocAucError());
    }

    /** Each metric's thresholds; a metric no reference chunk has a realized value of has none. */
    public Map<EstimatedMetric, MetricBand> thresholds() {
        Map<EstimatedMetric, MetricBand> thresholds = new EnumMap<>(EstimatedMetric.class);
        for (EstimatedMetric metric : EstimatedMetric.values()) {
            if (!metric.binary() || (metric == EstimatedMetric.BUSINESS_VALUE && businessValue == null)) {
                continue;
            }
            double[] values = reference.chunks().stream().mapToDouble(chunk -> chunk.realized(metric, businessValue))
                    .toArray();
            MetricBand.of(values, metric.range().lowest(), metric.range().highest())
                    .ifPresent(band -> thresholds.put(metric, band));
        }
        return Collections.unmodifiableMap(thresholds);
    }

    /**
     * The estimates of one chunk or window of {@code confusion.count()} rows, each metric with its sampling error,
     * band, thresholds and error bound; business value only when this model has one. Empty for no rows.
     *
     * @param confusion the rows' expected confusion matrix
     * @param ranking   the rows' ranking estimates
     * @param realized  a metric's realized value on the same rows, NaN where not known
     */
    public Map<EstimatedMetric, MetricEstimate> estimate(ExpectedConfusion confusion, RankingEstimate ranking,
                                                         ToDoubleFunction<EstimatedMetric> realized) {
        Map<EstimatedMetric, MetricEstimate> estimates = new EnumMap<>(EstimatedMetric.class);
        long rows = confusion.count();
        if (rows == 0) {
            return estimates;
        }
        BinarySamplingErrors errors = samplingErrors();
        Map<EstimatedMetric, MetricBand> thresholds = thresholds();
        for (EstimatedMetric metric : EstimatedMetric.values()) {
            BusinessValue value = businessValue;
            if (!metric.binary() || (metric == EstimatedMetric.BUSINESS_VALUE && value == null)) {
                continue;
            }
            double estimate = switch (metric) {
                case ACCURACY -> confusion.accuracy();
                case PRECISION -> confusion.precision();
                case RECALL -> confusion.recall();
                case SPECIFICITY -> confusion.specificity();
                case F1 -> confusion.f1();
                case ROC_AUC -> ranking.rocAuc();
                case AVERAGE_PRECISION -> ranking.averagePrecision();
                case BUSINESS_VALUE -> confusion.businessValue(requireNonNull(value, "businessValue"));
                case MACRO_PRECISION, MACRO_RECALL, MACRO_F1 -> throw new IllegalStateException(metric + " is not binary");
            };
            double error = switch (metric) {
                case ACCURACY -> errors.accuracy(rows);
                case PRECISION -> errors.precision(rows);
                case RECALL -> errors.recall(rows);
                case SPECIFICITY -> errors.specificity(rows);
                case F1 -> errors.f1(rows);
                case ROC_AUC -> errors.rocAuc(rows);
                case AVERAGE_PRECISION -> reference.averagePrecisionError().standardError(rows);
                case BUSINESS_VALUE -> errors.businessValue(requireNonNull(value, "businessValue"), rows);
                case MACRO_PRECISION, MACRO_RECALL, MACRO_F1 -> throw new IllegalStateException(metric + " is not binary");
            };
            double bound = switch (metric) {
                case ROC_AUC -> ranking.rocAucErrorBound();
                case AVERAGE_PRECISION -> ranking.averagePrecisionErrorBound();
                default -> 0;
            };
            estimates.put(metric, new MetricEstimate(estimate, error, bound,
                    ConfidenceBand.around(estimate, error, metric.range()), thresholds.get(metric),
                    realized.applyAsDouble(metric)));
        }
        return estimates;
    }
}
