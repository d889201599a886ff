package io.driftwatch.stats.estimate;

/**
 * The calibration NannyML keeps when calibrating would not lower the expected calibration error (its
 * {@code NoopCalibrator}): the score is the probability.
 */
public enum UnchangedScores implements ScoreCalibration {
    INSTANCE;

    @Override
    public double calibrate(double score) {
        return Scores.checked(score);
    }
}
