package io.driftwatch.topology.estimate;

import io.driftwatch.schemas.record.BaselineEstimation;
import io.driftwatch.schemas.record.EstimationChunk;
import io.driftwatch.stats.estimate.AveragePrecisionSamplingError;
import io.driftwatch.stats.estimate.CalibrationCheck;
import io.driftwatch.stats.estimate.CbpeReference;
import io.driftwatch.stats.estimate.IsotonicCalibrator;
import io.driftwatch.stats.estimate.RealizedConfusion;
import io.driftwatch.stats.estimate.ReferenceChunk;
import io.driftwatch.stats.estimate.SamplingErrorComponent;
import io.driftwatch.stats.estimate.ScoreCalibration;
import io.driftwatch.stats.estimate.UnchangedScores;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * A CBPE fit as a baseline stores it ({@link BaselineEstimation}) and back: {@code baseline} writes what it fitted,
 * the stream reads the same numbers, so a window is estimated with exactly the fit {@code check} would make on the
 * baseline's file. Undefined realized metrics travel as null, never as NaN.
 */
public final class BaselineEstimations {
    private BaselineEstimations() {
    }

    public static BaselineEstimation toRecord(CbpeReference reference) {
        ScoreCalibration calibration = reference.calibration();
        List<Double> scores = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        if (calibration instanceof IsotonicCalibrator isotonic) {
            for (double score : isotonic.breakpoints()) {
                scores.add(score);
            }
            for (double probability : isotonic.values()) {
                probabilities.add(probability);
            }
        }
        List<EstimationChunk> chunks = new ArrayList<>();
        for (ReferenceChunk chunk : reference.chunks()) {
            RealizedConfusion counts = chunk.confusion();
            chunks.add(new EstimationChunk(counts.truePositives(), counts.falsePositives(), counts.falseNegatives(),
                    counts.trueNegatives(), defined(chunk.rocAuc()), defined(chunk.averagePrecision())));
        }
        CalibrationCheck check = reference.calibrationCheck();
        return BaselineEstimation.newBuilder()
                .setPositiveClass(reference.positiveClass())
                .setCalibrated(check.needed())
                .setCalibrationErrorBefore(defined(check.errorBefore()))
                .setCalibrationErrorAfter(defined(check.errorAfter()))
                .setCalibrationScores(scores)
                .setCalibrationProbabilities(probabilities)
                .setRocAucErrorDeviation(reference.rocAucError().standardDeviation())
                .setRocAucErrorShare(reference.rocAucError().relevantShare())
                .setAveragePrecisionErrorDeviation(reference.averagePrecisionError().standardDeviation())
                .setAveragePrecisionResampleSize(reference.averagePrecisionError().resampleSize())
                .setChunks(chunks)
                .build();
    }

    /**
     * @throws IllegalArgumentException when the record is not one {@link #toRecord} could have written, a multiclass
     *     fit among them ({@link MulticlassBaselineEstimations})
     */
    public static CbpeReference fromRecord(BaselineEstimation stored) {
        if (stored.getMulticlass() != null) {
            throw new IllegalArgumentException("the stored CBPE fit is a multiclass model's, not a binary one's");
        }
        ScoreCalibration calibration = stored.getCalibrated()
                ? IsotonicCalibrator.of(unboxed(stored.getCalibrationScores()), unboxed(stored.getCalibrationProbabilities()))
                : UnchangedScores.INSTANCE;
        List<ReferenceChunk> chunks = new ArrayList<>();
        for (EstimationChunk chunk : stored.getChunks()) {
            chunks.add(new ReferenceChunk(new RealizedConfusion(chunk.getTruePositives(), chunk.getFalsePositives(),
                    chunk.getFalseNegatives(), chunk.getTrueNegatives()), orNaN(chunk.getRocAuc()),
                    orNaN(chunk.getAveragePrecision())));
        }
        return new CbpeReference(stored.getPositiveClass(), new CalibrationCheck(stored.getCalibrated(),
                orNaN(stored.getCalibrationErrorBefore()), orNaN(stored.getCalibrationErrorAfter())), calibration,
                new SamplingErrorComponent(stored.getRocAucErrorDeviation(), stored.getRocAucErrorShare()),
                new AveragePrecisionSamplingError(stored.getAveragePrecisionErrorDeviation(),
                        stored.getAveragePrecisionResampleSize()), chunks);
    }

    private static @Nullable Double defined(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static double orNaN(@Nullable Double value) {
        return value == null ? Double.NaN : value;
    }

    private static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
