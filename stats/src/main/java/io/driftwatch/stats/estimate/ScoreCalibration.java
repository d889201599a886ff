package io.driftwatch.stats.estimate;

/**
 * What turns a model's score into the probability CBPE sums: an isotonic fit when NannyML's rule says the scores
 * need one, the scores themselves otherwise. Sealed so a stored baseline holds one of exactly two plain forms.
 */
public sealed interface ScoreCalibration permits IsotonicCalibrator, UnchangedScores {

    /** The calibrated probability of {@code score}, in [0, 1]. */
    double calibrate(double score);
}
