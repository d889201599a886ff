package io.driftwatch.topology.estimate;

import io.driftwatch.schemas.record.BaselineEstimation;
import io.driftwatch.schemas.record.ClassEstimation;
import io.driftwatch.schemas.record.MulticlassEstimation;
import io.driftwatch.schemas.record.MulticlassEstimationChunk;
import io.driftwatch.schemas.record.OneVsRestCounts;
import io.driftwatch.stats.estimate.IsotonicCalibrator;
import io.driftwatch.stats.estimate.MulticlassCbpeReference;
import io.driftwatch.stats.estimate.MulticlassReferenceChunk;
import io.driftwatch.stats.estimate.OneVsRestCalibration;
import io.driftwatch.stats.estimate.RealizedConfusion;
import io.driftwatch.stats.estimate.SamplingErrorComponent;
import io.driftwatch.stats.estimate.ScoreCalibration;
import io.driftwatch.stats.estimate.UnchangedScores;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A multiclass CBPE fit as a baseline stores it ({@link BaselineEstimation#getMulticlass()}) and back, so the stream
 * estimates a window with exactly the fit {@code check} makes on the baseline's file. The binary fields of the
 * record hold no fit beside it: an empty positive class, {@code calibrated} true when any class was, zero
 * sampling-error numbers and no binary chunks. Undefined realized values travel as null, never as NaN.
 */
public final class MulticlassBaselineEstimations {
    private MulticlassBaselineEstimations() {
    }

    public static BaselineEstimation toRecord(MulticlassCbpeReference reference) {
        List<ClassEstimation> perClass = new ArrayList<>();
        boolean anyCalibrated = false;
        for (int c = 0; c < reference.classes().size(); c++) {
            ScoreCalibration calibration = reference.calibration().perClass().get(c);
            List<Double> scores = new ArrayList<>();
            List<Double> probabilities = new ArrayList<>();
            if (calibration instanceof IsotonicCalibrator isotonic) {
                anyCalibrated = true;
                for (int i = 0; i < isotonic.breakpoints().length; i++) {
                    scores.add(isotonic.breakpoints()[i]);
                    probabilities.add(isotonic.values()[i]);
                }
            }
            SamplingErrorComponent rocAuc = reference.rocAucErrors().get(c);
            perClass.add(new ClassEstimation(calibration instanceof IsotonicCalibrator, scores, probabilities,
                    rocAuc.standardDeviation(), rocAuc.relevantShare()));
        }
        List<MulticlassEstimationChunk> chunks = new ArrayList<>();
        for (MulticlassReferenceChunk chunk : reference.chunks()) {
            List<OneVsRestCounts> counts = chunk.perClass().stream().map(count -> new OneVsRestCounts(
                    count.truePositives(), count.falsePositives(), count.falseNegatives(), count.trueNegatives())).toList();
            chunks.add(new MulticlassEstimationChunk(counts, Double.isNaN(chunk.rocAuc()) ? null : chunk.rocAuc()));
        }
        return BaselineEstimation.newBuilder()
                .setPositiveClass("")
                .setCalibrated(anyCalibrated)
                .setRocAucErrorDeviation(0)
                .setRocAucErrorShare(0)
                .setAveragePrecisionErrorDeviation(0)
                .setAveragePrecisionResampleSize(0)
                .setChunks(List.of())
                .setMulticlass(new MulticlassEstimation(reference.classes(), perClass, chunks))
                .build();
    }

    /**
     * The multiclass fit the record holds; empty for a binary one.
     *
     * @throws IllegalArgumentException when the record is not one {@link #toRecord} could have written
     */
    public static Optional<MulticlassCbpeReference> fromRecord(BaselineEstimation stored) {
        MulticlassEstimation multiclass = stored.getMulticlass();
        if (multiclass == null) {
            return Optional.empty();
        }
        List<ScoreCalibration> calibrations = new ArrayList<>();
        List<SamplingErrorComponent> rocAucErrors = new ArrayList<>();
        for (ClassEstimation perClass : multiclass.getPerClass()) {
            calibrations.add(perClass.getCalibrated() ? IsotonicCalibrator.of(unboxed(perClass.getCalibrationScores()),
                    unboxed(perClass.getCalibrationProbabilities())) : UnchangedScores.INSTANCE);
            rocAucErrors.add(new SamplingErrorComponent(perClass.getRocAucErrorDeviation(), perClass.getRocAucErrorShare()));
        }
        List<MulticlassReferenceChunk> chunks = new ArrayList<>();
        for (MulticlassEstimationChunk chunk : multiclass.getChunks()) {
            chunks.add(new MulticlassReferenceChunk(chunk.getPerClass().stream().map(count -> new RealizedConfusion(
                    count.getTruePositives(), count.getFalsePositives(), count.getFalseNegatives(),
                    count.getTrueNegatives())).toList(), orNaN(chunk.getRocAuc())));
        }
        return Optional.of(new MulticlassCbpeReference(List.copyOf(multiclass.getClasses()),
                OneVsRestCalibration.of(calibrations), rocAucErrors, chunks));
    }

    private static double orNaN(@Nullable Double value) {
        return value == null ? Double.NaN : value;
    }

    private static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
