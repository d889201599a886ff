package io.driftwatch.stats.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What CBPE keeps of a binary classifier's labelled reference, as NannyML's {@code CBPE.fit} keeps it: the
 * positive class, the calibration decision and the calibration it led to, the sampling-error components that are not
 * functions of counts, and each reference chunk's counts and ranking metrics. Plain numbers, so a baseline stores
 * it and the stream estimates from the stored copy exactly as {@code check} does from the fit it just made.
 *
 * @param positiveClass         the class the score is the probability of, as {@link io.driftwatch.stats.quality.ClassName} spells it
 * @param calibrationCheck      NannyML's answer to whether the scores need calibrating, with the errors behind it
 * @param calibration           what turns a score into the probability CBPE sums
 * @param rocAucError           ROC AUC's sampling-error component ({@link RocAucSamplingError})
 * @param averagePrecisionError average precision's bootstrapped sampling-error component
 * @param chunks                the reference's chunks, in order
 */
public record CbpeReference(String positiveClass, CalibrationCheck calibrationCheck, ScoreCalibration calibration,
                            SamplingErrorComponent rocAucError, AveragePrecisionSamplingError averagePrecisionError,
                            List<ReferenceChunk> chunks) {
    public CbpeReference {
        requireNonNull(positiveClass, "positiveClass");
        requireNonNull(calibrationCheck, "calibrationCheck");
        requireNonNull(calibration, "calibration");
        requireNonNull(rocAucError, "rocAucError");
        requireNonNull(averagePrecisionError, "averagePrecisionError");
        chunks = List.copyOf(chunks);
        if (chunks.isEmpty()) {
            throw new IllegalArgumentException("a CBPE reference has at least one chunk");
        }
    }

    /**
     * Fits on the labelled rows of the reference's chunks (a row without a label is left out).
     *
     * @param realizedRocAuc           per chunk, its realized ROC AUC (NaN where undefined), indexed as the chunks
     * @param realizedAveragePrecision per chunk, its realized average precision (NaN where undefined)
     * @throws EstimationRefusedException when the labelled rows cannot support an estimate (none, one class, too few)
     */
    public static CbpeReference fit(String positiveClass, List<ChunkOutcomes> referenceChunks, double[] realizedRocAuc,
                                    double[] realizedAveragePrecision) {
        if (realizedRocAuc.length != referenceChunks.size() || realizedAveragePrecision.length != referenceChunks.size()) {
            throw new IllegalArgumentException(referenceChunks.size() + " chunks but " + realizedRocAuc.length + " ROC AUC"
                    + " and " + realizedAveragePrecision.length + " average precision values");
        }
        int labelled = referenceChunks.stream().mapToInt(ChunkOutcomes::size).sum();
        double[] scores = new double[labelled];
        boolean[] labels = new boolean[labelled];
        int at = 0;
        List<ReferenceChunk> chunks = new ArrayList<>();
        for (int chunk = 0; chunk < referenceChunks.size(); chunk++) {
            ChunkOutcomes rows = referenceChunks.get(chunk);
            RealizedConfusion confusion = RealizedConfusion.EMPTY;
            for (int row = 0; row < rows.size(); row++) {
                if (rows.labelled(row)) {
                    scores[at] = rows.score(row);
                    labels[at] = rows.actuallyPositive(row);
                    at++;
                    confusion = confusion.plus(rows.actuallyPositive(row), rows.predictedPositive(row));
                }
            }
            chunks.add(new ReferenceChunk(confusion, realizedRocAuc[chunk], realizedAveragePrecision[chunk]));
        }
        if (at == 0) {
            throw new EstimationRefusedException("no row has a label, a prediction and a score; CBPE is fitted on"
                    + " the reference's labelled rows");
        }
        double[] labelledScores = Arrays.copyOf(scores, at);
        boolean[] labelledLabels = Arrays.copyOf(labels, at);
        CalibrationRule.requireUsableReference(labelledScores, labelledLabels);
        CalibrationCheck check = CalibrationRule.check(labelledScores, labelledLabels);
        ScoreCalibration calibration = check.needed() ? IsotonicCalibrator.fit(labelledScores, labelledLabels)
                : UnchangedScores.INSTANCE;
        return new CbpeReference(positiveClass, check, calibration, RocAucSamplingError.fit(labelledScores, labelledLabels),
                AveragePrecisionSamplingError.fit(labelledScores, labelledLabels), chunks);
    }

    /** The confusion counts of all the reference's labelled rows. */
    public RealizedConfusion confusion() {
        RealizedConfusion total = RealizedConfusion.EMPTY;
        for (ReferenceChunk chunk : chunks) {
            total = total.merge(chunk.confusion());
        }
        return total;
    }
}
