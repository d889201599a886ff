package io.driftwatch.cli.baseline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.schemas.record.BaselineEstimation;
import io.driftwatch.schemas.record.ClassEstimation;
import io.driftwatch.schemas.record.EstimationChunk;
import io.driftwatch.schemas.record.MulticlassEstimation;
import io.driftwatch.schemas.record.MulticlassEstimationChunk;
import io.driftwatch.schemas.record.OneVsRestCounts;
import org.jspecify.annotations.Nullable;

/**
 * A baseline's stored CBPE fit in {@link BaselineJson}'s view: the record's numbers as plain JSON under snake_case
 * names, the sampling-error components grouped per metric and one object per reference chunk, so a person can read
 * what the stream will estimate from. A number that is undefined (a chunk's ROC AUC with one class) is null. Stateless.
 */
final class BaselineEstimationJson {
    private BaselineEstimationJson() {
    }

    /**
     * Sets {@code performance_estimation} of {@code root}: the fit, with a {@code multiclass} object for a multiclass
     * model's, or null when the baseline has none.
     */
    static void addTo(ObjectNode root, @Nullable BaselineEstimation estimation) {
        if (estimation == null) {
            root.putNull("performance_estimation");
            return;
        }
        ObjectNode node = root.putObject("performance_estimation");
        node.put("method", "cbpe").put("positive_class",
                        estimation.getPositiveClass().isEmpty() ? null : estimation.getPositiveClass())
                .put("calibrated", estimation.getCalibrated())
                .put("expected_calibration_error_before", estimation.getCalibrationErrorBefore())
                .put("expected_calibration_error_after", estimation.getCalibrationErrorAfter());
        ObjectNode calibration = node.putObject("calibration");
        ArrayNode scores = calibration.putArray("scores");
        estimation.getCalibrationScores().forEach(scores::add);
        ArrayNode probabilities = calibration.putArray("probabilities");
        estimation.getCalibrationProbabilities().forEach(probabilities::add);
        node.putObject("roc_auc_sampling_error").put("standard_deviation", estimation.getRocAucErrorDeviation())
                .put("relevant_share", estimation.getRocAucErrorShare());
        node.putObject("average_precision_sampling_error")
                .put("standard_deviation", estimation.getAveragePrecisionErrorDeviation())
                .put("resample_rows", estimation.getAveragePrecisionResampleSize());
        ArrayNode chunks = node.putArray("chunks");
        for (EstimationChunk chunk : estimation.getChunks()) {
            chunks.addObject().put("true_positives", chunk.getTruePositives())
                    .put("false_positives", chunk.getFalsePositives())
                    .put("false_negatives", chunk.getFalseNegatives())
                    .put("true_negatives", chunk.getTrueNegatives())
                    .put("roc_auc", chunk.getRocAuc()).put("average_precision", chunk.getAveragePrecision());
        }
        MulticlassEstimation multiclass = estimation.getMulticlass();
        if (multiclass != null) {
            multiclass(node.putObject("multiclass"), multiclass);
        }
    }

    private static void multiclass(ObjectNode node, MulticlassEstimation multiclass) {
        ArrayNode classes = node.putArray("classes");
        for (int c = 0; c < multiclass.getClasses().size(); c++) {
            ClassEstimation perClass = multiclass.getPerClass().get(c);
            ObjectNode one = classes.addObject().put("class", multiclass.getClasses().get(c))
                    .put("calibrated", perClass.getCalibrated());
            ArrayNode scores = one.putArray("calibration_scores");
            perClass.getCalibrationScores().forEach(scores::add);
            ArrayNode probabilities = one.putArray("calibration_probabilities");
            perClass.getCalibrationProbabilities().forEach(probabilities::add);
            one.putObject("roc_auc_sampling_error").put("standard_deviation", perClass.getRocAucErrorDeviation())
                    .put("relevant_share", perClass.getRocAucErrorShare());
        }
        ArrayNode chunks = node.putArray("chunks");
        for (MulticlassEstimationChunk chunk : multiclass.getChunks()) {
            ObjectNode one = chunks.addObject().put("roc_auc", chunk.getRocAuc());
            ArrayNode counts = one.putArray("per_class");
            for (OneVsRestCounts count : chunk.getPerClass()) {
                counts.addObject().put("true_positives", count.getTruePositives())
                        .put("false_positives", count.getFalsePositives())
                        .put("false_negatives", count.getFalseNegatives())
                        .put("true_negatives", count.getTrueNegatives());
            }
        }
    }
}
