package io.driftwatch.stats.estimate;

import io.driftwatch.stats.calibration.MetricBand;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static java.util.Objects.requireNonNull;

/**
 * Multiclass CBPE ready to estimate: a fitted reference with what follows from it, the sampling errors
 * ({@link MulticlassSamplingErrors}) and each metric's thresholds (the mean −/+ 3 standard deviations of its realized
 * value over the reference's chunks, clipped to [0, 1], as NannyML sets them). A chunk or window is estimated from
 * its {@link OneVsRestWindow}: accuracy and macro precision, recall and F1 from the per-class expected confusion,
 * macro ROC AUC as the mean of the per-class rankings' estimates. {@code check}'s chunks and the stream's windows are
 * estimated here, from the same state, so they give the same numbers.
 *
 * <p>One difference from NannyML: its multiclass ROC AUC ranks a class's rows by the raw score, this by the class's
 * normalised calibrated probability, which a bounded, mergeable window can hold ({@link ProbabilityRanking}). Both
 * orders agree when the calibration and the normalisation keep each class's scores in order (calibrated scores that
 * sum to 1); otherwise the estimates differ slightly (0.7608 against 0.7595 on the NumPy case).
 *
 * @param reference the fit on the labelled reference
 */
public record MulticlassCbpeModel(MulticlassCbpeReference reference) {
    public MulticlassCbpeModel {
        requireNonNull(reference, "reference");
    }

    /** The sampling errors, from the reference's counts and per-class ROC AUC components. */
    public MulticlassSamplingErrors samplingErrors() {
        List<RealizedConfusion> counts = reference.confusion();
        List<BinarySamplingErrors> perClass = new ArrayList<>();
        for (int c = 0; c < counts.size(); c++) {
            RealizedConfusion count = counts.get(c);
            perClass.add(new BinarySamplingErrors(count.truePositives(), count.falsePositives(),
                    count.falseNegatives(), count.trueNegatives(), reference.rocAucErrors().get(c)));
        }
        return new MulticlassSamplingErrors(perClass);
    }

    /** Each multiclass metric's thresholds; a metric no reference chunk has a realized value of has none. */
    public Map<EstimatedMetric, MetricBand> thresholds() {
        Map<EstimatedMetric, MetricBand> thresholds = new EnumMap<>(EstimatedMetric.class);
        for (EstimatedMetric metric : EstimatedMetric.values()) {
            if (metric.multiclass()) {
                double[] values = reference.chunks().stream().mapToDouble(chunk -> chunk.realized(metric)).toArray();
                MetricBand.of(values, metric.range().lowest(), metric.range().highest())
                        .ifPresent(band -> thresholds.put(metric, band));
            }
        }
        return Collections.unmodifiableMap(thresholds);
    }

    /** A window's calibrated, normalised probabilities of one row's scores, in class order. */
    public double[] calibrate(double[] rowScores) {
        return reference.calibration().calibrate(rowScores);
    }

    /**
     * The estimates of one chunk or window, each multiclass metric with its sampling error, band, thresholds and
     * error bound (macro ROC AUC's the mean of the classes' bounds). Empty for no rows.
     *
     * @param window   the rows' state
     * @param realized a metric's realized value on the same rows, NaN where not known
     */
    public Map<EstimatedMetric, MetricEstimate> estimate(OneVsRestWindow window,
                                                         ToDoubleFunction<EstimatedMetric> realized) {
        Map<EstimatedMetric, MetricEstimate> estimates = new EnumMap<>(EstimatedMetric.class);
        long rows = window.count();
        if (rows == 0) {
            return estimates;
        }
        MulticlassSamplingErrors errors = samplingErrors();
        Map<EstimatedMetric, MetricBand> thresholds = thresholds();
        ExpectedOneVsRest confusion = window.confusion();
        List<ProbabilityRanking> rankings = window.rankings();
        for (EstimatedMetric metric : EstimatedMetric.values()) {
            if (!metric.multiclass()) {
                continue;
            }
            double estimate = switch (metric) {
                case ACCURACY -> confusion.accuracy();
                case MACRO_PRECISION -> confusion.macroPrecision();
                case MACRO_RECALL -> confusion.macroRecall();
                case MACRO_F1 -> confusion.macroF1();
                default -> mean(rankings, ProbabilityRanking::rocAuc);
            };
            double error = switch (metric) {
                case ACCURACY -> errors.accuracy(rows);
                case MACRO_PRECISION -> errors.macroPrecision(rows);
                case MACRO_RECALL -> errors.macroRecall(rows);
                case MACRO_F1 -> errors.macroF1(rows);
                default -> errors.macroRocAuc(rows);
            };
            double bound = metric == EstimatedMetric.ROC_AUC ? mean(rankings, ProbabilityRanking::rocAucErrorBound) : 0;
            estimates.put(metric, new MetricEstimate(estimate, error, bound,
                    ConfidenceBand.around(estimate, error, metric.range()), thresholds.get(metric),
                    realized.applyAsDouble(metric)));
        }
        return estimates;
    }

    private static double mean(List<ProbabilityRanking> rankings, ToDoubleFunction<ProbabilityRanking> value) {
        return rankings.stream().mapToDouble(value).sum() / rankings.size();
    }
}
