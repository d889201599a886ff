package io.driftwatch.cli.estimate;

import io.driftwatch.stats.calibration.MetricBand;
import io.driftwatch.stats.estimate.AveragePrecisionSamplingError;
import io.driftwatch.stats.estimate.BinarySamplingErrors;
import io.driftwatch.stats.estimate.BusinessValue;
import io.driftwatch.stats.estimate.CalibrationCheck;
import io.driftwatch.stats.estimate.CalibrationRule;
import io.driftwatch.stats.estimate.EstimationRefusedException;
import io.driftwatch.stats.estimate.IsotonicCalibrator;
import io.driftwatch.stats.estimate.RealizedConfusion;
import io.driftwatch.stats.estimate.ScoreCalibration;
import io.driftwatch.stats.estimate.UnchangedScores;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * CBPE fitted on the labelled reference as NannyML's {@code CBPE._fit_binary} fits it: the calibration decision and
 * the calibration it leads to, the sampling-error components of the raw scores, and each metric's thresholds, the
 * mean −/+ 3 standard deviations of its realized value over the reference's chunks clipped to the metric's range.
 * Everything a chunk's estimate needs besides the chunk itself.
 *
 * @param calibrationCheck    NannyML's answer to whether the scores need calibrating, with the errors behind it
 * @param calibration         what turns a score into the probability CBPE sums
 * @param samplingErrors      the components of every metric's sampling error but average precision's
 * @param averagePrecisionError average precision's (bootstrapped) component
 * @param thresholds          each metric's thresholds; a metric no reference chunk has a realized value of has none
 * @param businessValue       the business value to estimate; null for none
 */
public record EstimationModel(CalibrationCheck calibrationCheck, ScoreCalibration calibration,
                              BinarySamplingErrors samplingErrors, AveragePrecisionSamplingError averagePrecisionError,
                              Map<EstimatedMetric, MetricBand> thresholds, @Nullable BusinessValue businessValue) {
    public EstimationModel {
        requireNonNull(calibrationCheck, "calibrationCheck");
        requireNonNull(calibration, "calibration");
        requireNonNull(samplingErrors, "samplingErrors");
        requireNonNull(averagePrecisionError, "averagePrecisionError");
        thresholds = Collections.unmodifiableMap(thresholds.isEmpty() ? new EnumMap<>(EstimatedMetric.class)
                : new EnumMap<>(thresholds));
    }

    /**
     * @param referenceChunks     the reference's chunks, their labelled rows used (a row without a label is left out)
     * @param realizedRanking     per reference chunk, its realized ROC AUC and average precision (NaN where undefined),
     *                            indexed as {@code referenceChunks}
     * @throws EstimationRefusedException when the reference's labelled rows cannot
     *                            support an estimate (one class, too few rows)
     */
    static EstimationModel fit(List<ChunkOutcomes> referenceChunks, Map<EstimatedMetric, double[]> realizedRanking,
                               @Nullable BusinessValue businessValue) {
        int labelled = referenceChunks.stream().mapToInt(ChunkOutcomes::size).sum();
        double[] scores = new double[labelled];
        boolean[] labels = new boolean[labelled];
        boolean[] predictions = new boolean[labelled];
        int at = 0;
        Map<EstimatedMetric, double[]> realized = new EnumMap<>(EstimatedMetric.class);
        for (EstimatedMetric metric : EstimatedMetric.values()) {
            double[] given = realizedRanking.get(metric);
            realized.put(metric, given != null ? given.clone() : new double[referenceChunks.size()]);
        }
        for (int chunk = 0; chunk < referenceChunks.size(); chunk++) {
            ChunkOutcomes rows = referenceChunks.get(chunk);
            RealizedConfusion confusion = RealizedConfusion.EMPTY;
            for (int row = 0; row < rows.size(); row++) {
                if (rows.labelled(row)) {
                    scores[at] = rows.score(row);
                    labels[at] = rows.actuallyPositive(row);
                    predictions[at] = rows.predictedPositive(row);
                    at++;
                    confusion = confusion.plus(rows.actuallyPositive(row), rows.predictedPositive(row));
                }
            }
            putRealized(realized, chunk, confusion, businessValue);
        }
        if (at == 0) {
            throw new EstimationRefusedException("no row has a label, a prediction and a score; CBPE is fitted on"
                    + " the reference's labelled rows");
        }
        double[] labelledScores = Arrays.copyOf(scores, at);
        boolean[] labelledLabels = Arrays.copyOf(labels, at);
        BinarySamplingErrors errors = BinarySamplingErrors.fit(labelledLabels, Arrays.copyOf(predictions, at),
                labelledScores);
        CalibrationCheck check = CalibrationRule.check(labelledScores, labelledLabels);
        ScoreCalibration calibration = check.needed() ? IsotonicCalibrator.fit(labelledScores, labelledLabels)
                : UnchangedScores.INSTANCE;
        Map<EstimatedMetric, MetricBand> thresholds = new EnumMap<>(EstimatedMetric.class);
        for (EstimatedMetric metric : EstimatedMetric.values()) {
            if (metric != EstimatedMetric.BUSINESS_VALUE || businessValue != null) {
                MetricBand.of(series(realized, metric), metric.range().lowest(), metric.range().highest())
                        .ifPresent(band -> thresholds.put(metric, band));
            }
        }
        return new EstimationModel(check, calibration, errors,
                AveragePrecisionSamplingError.fit(labelledScores, labelledLabels), thresholds, businessValue);
    }

    private static void putRealized(Map<EstimatedMetric, double[]> realized, int chunk, RealizedConfusion confusion,
                                    @Nullable BusinessValue businessValue) {
        boolean empty = confusion.rows() == 0;
        series(realized, EstimatedMetric.ACCURACY)[chunk] = empty ? Double.NaN : confusion.accuracy();
        series(realized, EstimatedMetric.PRECISION)[chunk] = confusion.precision();
        series(realized, EstimatedMetric.RECALL)[chunk] = confusion.recall();
        series(realized, EstimatedMetric.SPECIFICITY)[chunk] = confusion.specificity();
        series(realized, EstimatedMetric.F1)[chunk] = confusion.f1();
        series(realized, EstimatedMetric.BUSINESS_VALUE)[chunk] = empty || businessValue == null ? Double.NaN
                : confusion.businessValue(businessValue);
    }

    private static double[] series(Map<EstimatedMetric, double[]> realized, EstimatedMetric metric) {
        return requireNonNull(realized.get(metric), metric.metricName());
    }
}
