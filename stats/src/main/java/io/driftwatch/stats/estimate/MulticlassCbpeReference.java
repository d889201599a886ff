package io.driftwatch.stats.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What CBPE keeps of a multiclass classifier's labelled reference, as NannyML's {@code _fit_multiclass} keeps it: the
 * classes, each class's one-vs-rest calibration (with NannyML's carry-over, {@link OneVsRestCalibration}), each
 * class's ROC AUC sampling-error component, and each reference chunk's one-vs-rest counts and realized macro ROC
 * AUC. The other sampling-error components follow from the counts. Plain numbers, so a baseline stores it and the
 * stream estimates from the stored copy exactly as {@code check} does from the fit it just made.
 *
 * @param classes     the class names, sorted as NannyML orders them and as {@link io.driftwatch.stats.quality.ClassName}
 *                    spells them; a class's index is its place here
 * @param calibration the per-class calibration and the normalisation after it
 * @param rocAucErrors per class, ROC AUC's one-vs-rest sampling-error component ({@link RocAucSamplingError})
 * @param chunks      the reference's chunks, in order
 */
public record MulticlassCbpeReference(List<String> classes, OneVsRestCalibration calibration,
                                      List<SamplingErrorComponent> rocAucErrors, List<MulticlassReferenceChunk> chunks) {
    public MulticlassCbpeReference {
        classes = List.copyOf(classes);
        requireNonNull(calibration, "calibration");
        rocAucErrors = List.copyOf(rocAucErrors);
        chunks = List.copyOf(chunks);
        if (classes.size() < 3) {
            throw new IllegalArgumentException("a multiclass reference has at least three classes, got " + classes);
        }
        if (calibration.perClass().size() != classes.size() || rocAucErrors.size() != classes.size()) {
            throw new IllegalArgumentException(classes.size() + " classes but " + calibration.perClass().size()
                    + " calibrations and " + rocAucErrors.size() + " ROC AUC components");
        }
        if (chunks.isEmpty()) {
            throw new IllegalArgumentException("a CBPE reference has at least one chunk");
        }
        for (MulticlassReferenceChunk chunk : chunks) {
            if (chunk.perClass().size() != classes.size()) {
                throw new IllegalArgumentException("a chunk has " + chunk.perClass().size() + " classes, not "
                        + classes.size());
            }
        }
    }

    /**
     * Fits on the labelled rows of the reference's chunks (a row without a label is left out).
     *
     * @param classes        the class names, sorted; the outcomes' class indices index them
     * @param realizedRocAuc per chunk, its realized macro ROC AUC (NaN where undefined), indexed as the chunks
     * @throws EstimationRefusedException when the labelled rows cannot support an estimate: none, a score outside
     *     [0, 1], a class no labelled row has, or a class with too few rows for NannyML's calibration check
     */
    public static MulticlassCbpeReference fit(List<String> classes, List<MulticlassChunkOutcomes> referenceChunks,
                                              double[] realizedRocAuc) {
        if (realizedRocAuc.length != referenceChunks.size()) {
            throw new IllegalArgumentException(referenceChunks.size() + " chunks but " + realizedRocAuc.length
                    + " ROC AUC values");
        }
        int k = classes.size();
        List<double[]> scores = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        List<MulticlassReferenceChunk> chunks = new ArrayList<>();
        for (int chunk = 0; chunk < referenceChunks.size(); chunk++) {
            MulticlassChunkOutcomes rows = referenceChunks.get(chunk);
            RealizedConfusion[] counts = new RealizedConfusion[k];
            Arrays.fill(counts, RealizedConfusion.EMPTY);
            for (int row = 0; row < rows.size(); row++) {
                Integer actual = rows.actual(row);
                if (actual == null) {
                    continue;
                }
                double[] rowScores = rows.scores(row);
                Scores.checkAll(rowScores);
                scores.add(rowScores);
                labels.add(actual);
                predicted.add(rows.predicted(row));
                for (int c = 0; c < k; c++) {
                    counts[c] = counts[c].plus(actual == c, rows.predicted(row) == c);
                }
            }
            chunks.add(new MulticlassReferenceChunk(List.of(counts), realizedRocAuc[chunk]));
        }
        if (labels.isEmpty()) {
            throw new EstimationRefusedException("no row has a label, a prediction and scores; CBPE is fitted on"
                    + " the reference's labelled rows");
        }
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        requireEveryClass(classes, labelArray);
        double[][] scoreRows = scores.toArray(double[][]::new);
        OneVsRestCalibration calibration = named(classes,
                () -> OneVsRestCalibration.fit(scoreRows, labelArray, k));
        MulticlassSamplingErrors errors = named(classes, () -> MulticlassSamplingErrors.fit(labelArray,
                predicted.stream().mapToInt(Integer::intValue).toArray(), scoreRows, k));
        return new MulticlassCbpeReference(classes, calibration,
                errors.perClass().stream().map(BinarySamplingErrors::rocAuc).toList(), chunks);
    }

    /** Each class's one-vs-rest counts over all the reference's labelled rows. */
    public List<RealizedConfusion> confusion() {
        List<RealizedConfusion> total = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            RealizedConfusion sum = RealizedConfusion.EMPTY;
            for (MulticlassReferenceChunk chunk : chunks) {
                sum = sum.merge(chunk.perClass().get(c));
            }
            total.add(sum);
        }
        return total;
    }

    /** The class's index; -1 for a class the reference does not have. */
    public int indexOf(String className) {
        return classes.indexOf(className);
    }

    private static void requireEveryClass(List<String> classes, int[] labels) {
        boolean[] seen = new boolean[classes.size()];
        for (int label : labels) {
            seen[label] = true;
        }
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                throw new EstimationRefusedException("class " + classes.get(c) + " is no labelled reference row's"
                        + " label; CBPE calibrates each class against the rest and needs every class in the reference");
            }
        }
    }

    private static <T> T named(List<String> classes, java.util.function.Supplier<T> fit) {
        try {
            return fit.get();
        } catch (EstimationRefusedException refused) {
            String message = requireNonNull(refused.getMessage(), "message");
            for (int c = 0; c < classes.size(); c++) {
                message = message.replace("class " + c + " one-vs-rest", "class " + classes.get(c) + " one-vs-rest");
            }
            throw new EstimationRefusedException(message);
        }
    }
}
