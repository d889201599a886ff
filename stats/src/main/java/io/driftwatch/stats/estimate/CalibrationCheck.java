package io.driftwatch.stats.estimate;

/**
 * NannyML's answer to "do these scores need calibrating?" with the two numbers behind it, so a baseline report
 * can show why. {@code needed} is true exactly when the expected calibration error of out-of-fold calibrated
 * probabilities is below that of the raw scores; when NannyML answers without comparing (one class, or a ROC AUC
 * above 0.999) both errors are NaN.
 *
 * @param errorBefore the expected calibration error of the raw scores
 * @param errorAfter the expected calibration error of the out-of-fold calibrated probabilities
 */
public record CalibrationCheck(boolean needed, double errorBefore, double errorAfter) {

    static CalibrationCheck notCompared() {
        return new CalibrationCheck(false, Double.NaN, Double.NaN);
    }
}
