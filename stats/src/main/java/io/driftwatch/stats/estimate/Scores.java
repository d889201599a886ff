package io.driftwatch.stats.estimate;

/** The one check every entry point makes on a model's scores: CBPE reads them as probabilities. */
final class Scores {
    private Scores() {
    }

    static double checked(double score) {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new EstimationRefusedException("score " + score + " is outside [0, 1]: CBPE needs the model's"
                    + " probability for the positive class, not a margin or a logit");
        }
        return score;
    }

    static void checkAll(double[] scores) {
        for (double score : scores) {
            checked(score);
        }
    }
}
