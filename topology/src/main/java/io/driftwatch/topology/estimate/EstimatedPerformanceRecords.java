package io.driftwatch.topology.estimate;

import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.EstimatedPerformance;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.estimate.BusinessValue;
import io.driftwatch.stats.estimate.CbpeModel;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.estimate.ExpectedConfusion;
import io.driftwatch.stats.estimate.MetricEstimate;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The estimated performance of a quality report from a window's {@link EstimateTally}, estimated by {@link
 * CbpeModel} with its baseline's fit, as {@code check} estimates a chunk; each metric beside its realized value
 * when the window's labels give one. An undefined estimate is left out, never written as NaN.
 */
public final class EstimatedPerformanceRecords {
    private EstimatedPerformanceRecords() {
    }

    /**
     * @param estimation    the baseline's fit
     * @param tally         the window's estimate state
     * @param businessValue the model's business value (its policy's {@code outcome}); null for none
     * @param realized      the window's realized metrics so far, by name
     * @param complete      whether the window's grace has passed, so no prediction can join it
     */
    public static EstimatedPerformance of(StoredEstimations.Estimation estimation, EstimateTally tally,
                                          @Nullable BusinessValue businessValue, Map<String, Double> realized,
                                          boolean complete) {
        CbpeModel model = new CbpeModel(estimation.reference(), businessValue);
        ExpectedConfusion confusion = tally.confusion();
        Map<EstimatedMetric, MetricEstimate> estimates = model.estimate(confusion, tally.ranking(), metric -> {
            Double value = realized.get(metric.metricName());
            return value == null ? Double.NaN : value;
        });
        List<EstimatedMetricReport> metrics = new ArrayList<>();
        estimates.forEach((metric, estimate) -> {
            if (!Double.isNaN(estimate.value())) {
                metrics.add(report(metric, estimate));
            }
        });
        return EstimatedPerformance.newBuilder()
                .setBaselineId(estimation.baselineId())
                .setPositiveClass(estimation.reference().positiveClass())
                .setPredictions(confusion.count())
                .setNotEstimated(tally.notEstimated())
                .setComplete(complete)
                .setTruePositives(confusion.truePositive())
                .setFalsePositives(confusion.falsePositive())
                .setFalseNegatives(confusion.falseNegative())
                .setTrueNegatives(confusion.trueNegative())
                .setMetrics(metrics)
                .build();
    }

    private static EstimatedMetricReport report(EstimatedMetric metric, MetricEstimate estimate) {
        MetricBand thresholds = estimate.thresholds();
        return EstimatedMetricReport.newBuilder()
                .setMetric(metric.metricName())
                .setValue(estimate.value())
                .setSamplingError(estimate.samplingError())
                .setErrorBound(Double.isNaN(estimate.errorBound()) ? 0 : estimate.errorBound())
                .setLower(estimate.band().lower())
                .setUpper(estimate.band().upper())
                .setThresholdLower(thresholds == null ? null : thresholds.lower())
                .setThresholdUpper(thresholds == null ? null : thresholds.upper())
                .setAlert(estimate.alert())
                .setRealized(Double.isNaN(estimate.realized()) ? null : estimate.realized())
                .build();
    }
}
