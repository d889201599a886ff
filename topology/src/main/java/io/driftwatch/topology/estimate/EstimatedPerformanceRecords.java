package io.driftwatch.topology.estimate;

import io.driftwatch.schemas.record.EstimatedMetricReport;
import io.driftwatch.schemas.record.EstimatedPerformance;
import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.estimate.BusinessValue;
import io.driftwatch.stats.estimate.CbpeModel;
import io.driftwatch.stats.estimate.EstimatedMetric;
import io.driftwatch.stats.estimate.ExpectedConfusion;
import io.driftwatch.stats.estimate.MetricEstimate;
import io.driftwatch.stats.estimate.MulticlassCbpeModel;
import io.driftwatch.stats.estimate.MulticlassCbpeReference;
import io.driftwatch.stats.estimate.OneVsRestWindow;
import io.driftwatch.stats.estimate.ProbabilityRanking;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The estimated performance of a quality report from a window's {@link EstimateTally}, estimated by {@link
 * CbpeModel} or {@link MulticlassCbpeModel} with its baseline's fit, as {@code check} estimates a chunk; each metric
 * beside its realized value when the window's labels give one. An undefined estimate is left out, never written as
 * NaN. For a multiclass model the record's binary-only fields hold: an empty positive class, and as expected TP, FP,
 * FN and TN the sums over the classes of their one-vs-rest expected counts (TP the expected correct predictions, FP
 * and FN each the expected wrong ones).
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
        ToDoubleFunction<EstimatedMetric> realizedValue = metric -> {
            Double value = realized.get(metric.metricName());
            return value == null ? Double.NaN : value;
        };
        EstimatedPerformance.Builder record = EstimatedPerformance.newBuilder()
                .setBaselineId(estimation.baselineId())
                .setNotEstimated(tally.notEstimated())
                .setComplete(complete);
        if (estimation instanceof StoredEstimations.Multiclass multiclass) {
            MulticlassCbpeReference fit = multiclass.reference();
            OneVsRestWindow window = tally.multiclass();
            if (window == null) {
                window = new OneVsRestWindow(fit.classes().size(), ProbabilityRanking.DEFAULT_DISTINCT_MAX);
            }
            ExpectedConfusion summed = summed(window.confusion().perClass());
            return record.setPositiveClass("").setPredictions(window.count())
                    .setTruePositives(summed.truePositive()).setFalsePositives(summed.falsePositive())
                    .setFalseNegatives(summed.falseNegative()).setTrueNegatives(summed.trueNegative())
                    .setMetrics(reports(new MulticlassCbpeModel(fit).estimate(window, realizedValue))).build();
        }
        StoredEstimations.Binary binary = (StoredEstimations.Binary) estimation;
        ExpectedConfusion confusion = tally.confusion();
        Map<EstimatedMetric, MetricEstimate> estimates = new CbpeModel(binary.reference(), businessValue)
                .estimate(confusion, tally.ranking(), realizedValue);
        return record.setPositiveClass(binary.reference().positiveClass()).setPredictions(confusion.count())
                .setTruePositives(confusion.truePositive()).setFalsePositives(confusion.falsePositive())
                .setFalseNegatives(confusion.falseNegative()).setTrueNegatives(confusion.trueNegative())
                .setMetrics(reports(estimates)).build();
    }

    private static ExpectedConfusion summed(List<ExpectedConfusion> perClass) {
        ExpectedConfusion sum = ExpectedConfusion.EMPTY;
        for (ExpectedConfusion one : perClass) {
            sum = sum.merge(one);
        }
        return sum;
    }

    private static List<EstimatedMetricReport> reports(Map<EstimatedMetric, MetricEstimate> estimates) {
        List<EstimatedMetricReport> metrics = new ArrayList<>();
        estimates.forEach((metric, estimate) -> {
            if (!Double.isNaN(estimate.value())) {
                metrics.add(report(metric, estimate));
            }
        });
        return metrics;
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
