package io.driftwatch.tools.demo;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CreditModelTest {
    @Test
    void approvesExactlyWhenBothCutOffsAreClearedWhichIsWhenItsProbabilityIsAtLeastOneHalf() {
        assertThat(CreditModel.approveProbability(applicant(650.0, 45_000.0))).isEqualTo(0.5);
        assertThat(CreditModel.decide(applicant(650.0, 45_000.0))).isEqualTo("approve");
        assertThat(CreditModel.approveProbability(applicant(649.0, 90_000.0))).isLessThan(0.5);
        assertThat(CreditModel.decide(applicant(649.0, 90_000.0))).isEqualTo("decline");
        assertThat(CreditModel.decide(applicant(800.0, 44_999.0))).isEqualTo("decline");
    }

    @Test
    void itsProbabilityIsTheLogisticOfTheSmallerMarginPastTheCutOffs() {
        // credit_score 16 points past 650 is 2 units; income 40,000 past 45,000 is 10: the score's margin decides.
        assertThat(CreditModel.approveProbability(applicant(666.0, 85_000.0))).isCloseTo(1 / (1 + Math.exp(-2.0)), within(1e-12));
        // income 4,000 short of 45,000 is -1 unit, below the score's +5.
        assertThat(CreditModel.approveProbability(applicant(690.0, 41_000.0))).isCloseTo(1 / (1 + Math.exp(1.0)), within(1e-12));
    }

    @Test
    void anApplicantWithoutAnIncomeIsDeclinedForCertain() {
        Map<String, @Nullable Object> features = new HashMap<>();
        features.put("credit_score", 700.0);
        features.put("income", null);

        assertThat(CreditModel.approveProbability(features)).isZero();
        assertThat(CreditModel.classScores(0.0)).containsEntry("approve", 0.0).containsEntry("decline", 1.0);
    }

    private static Map<String, @Nullable Object> applicant(double creditScore, double income) {
        return Map.of("credit_score", creditScore, "income", income);
    }
}
