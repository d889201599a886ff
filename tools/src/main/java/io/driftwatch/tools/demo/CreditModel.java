package io.driftwatch.tools.demo;

import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * The demo's credit model: approves when credit_score and income both clear their cut-offs, and logs its probability
 * of approving as the logistic of the smaller of the two margins past the cut-offs ({@value #SCORE_SCALE} score points
 * and {@value #INCOME_SCALE} of income each count as one unit), so it approves exactly when that probability is at
 * least 0.5 and is unsure near either cut-off. An applicant without either input has no margin and is declined with
 * probability 1. The traffic, the scored training file and the labels drawn for both use this one function. Stateless.
 */
final class CreditModel {
    static final String APPROVE = "approve";
    static final String DECLINE = "decline";
    static final double SCORE_CUT_OFF = 650;
    static final double INCOME_CUT_OFF = 45_000;
    static final double SCORE_SCALE = 8;
    static final double INCOME_SCALE = 4_000;
    private static final double DECISION_PROBABILITY = 0.5;

    private CreditModel() {
    }

    /** The model's probability that {@code features} should be approved, in [0, 1]. */
    static double approveProbability(Map<String, @Nullable Object> features) {
        if (!(features.get("credit_score") instanceof Double score) || !(features.get("income") instanceof Double income)) {
            return 0;
        }
        double margin = Math.min((score - SCORE_CUT_OFF) / SCORE_SCALE, (income - INCOME_CUT_OFF) / INCOME_SCALE);
        return 1 / (1 + Math.exp(-margin));
    }

    /** The model's answer for a probability of approving. */
    static String decide(double approveProbability) {
        return approveProbability >= DECISION_PROBABILITY ? APPROVE : DECLINE;
    }

    /** The model's answer for one applicant. */
    static String decide(Map<String, @Nullable Object> features) {
        return decide(approveProbability(features));
    }

    /** The class scores the model logs beside its answer: its probability of each class. */
    static Map<String, Double> classScores(double approveProbability) {
        return Map.of(APPROVE, approveProbability, DECLINE, 1 - approveProbability);
    }
}
