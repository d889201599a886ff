package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import org.junit.jupiter.api.Test;

import static io.driftwatch.stats.compare.Threshold.Rule.P_VALUE_AT_MOST;
import static io.driftwatch.stats.compare.Threshold.Rule.P_VALUE_BELOW;
import static io.driftwatch.stats.compare.Threshold.Rule.STATISTIC_AT_LEAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdTest {

    private static TestOutcome pValue(double p) {
        return TestOutcome.withPValue(0.1, p, Method.EXACT);
    }

    private static TestOutcome sketch(double statistic, double low, double high, Double pLow, Double pHigh) {
        return new TestOutcome(statistic, pLow == null ? null : (pLow + pHigh) / 2, Method.SKETCH,
                new ErrorBound(low, high, pLow, pHigh, 0.99));
    }

    @Test
    void ksDriftsAtExactlyItsLevelLikeEvidentlyButChiSquareDoesNot() {
        assertThat(new Threshold(P_VALUE_AT_MOST, 0.05).decide(pValue(0.05))).isEqualTo(Verdict.DRIFT);
        assertThat(new Threshold(P_VALUE_BELOW, 0.05).decide(pValue(0.05))).isEqualTo(Verdict.NO_DRIFT);
        assertThat(new Threshold(P_VALUE_BELOW, 0.05).decide(pValue(0.0499))).isEqualTo(Verdict.DRIFT);
    }

    @Test
    void distanceDriftsAtOrAboveItsLevel() {
        Threshold psi = new Threshold(STATISTIC_AT_LEAST, 0.1);
        assertThat(psi.decide(TestOutcome.exactStatistic(0.1))).isEqualTo(Verdict.DRIFT);
        assertThat(psi.decide(TestOutcome.exactStatistic(0.0999))).isEqualTo(Verdict.NO_DRIFT);
    }

    @Test
    void aSketchIntervalStraddlingTheThresholdIsInconclusiveNotACoinToss() {
        Threshold ks = new Threshold(P_VALUE_AT_MOST, 0.05);
        assertThat(ks.decide(sketch(0.05, 0.04, 0.06, 1e-7, 0.74))).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(ks.decide(sketch(0.2, 0.19, 0.21, 1e-9, 1e-6))).isEqualTo(Verdict.DRIFT);
        assertThat(ks.decide(sketch(0.01, 0.0, 0.02, 0.3, 0.99))).isEqualTo(Verdict.NO_DRIFT);
        Threshold wasserstein = new Threshold(STATISTIC_AT_LEAST, 0.1);
        assertThat(wasserstein.decide(sketch(0.1, 0.09, 0.11, null, null))).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(wasserstein.decide(sketch(0.3, 0.29, 0.31, null, null))).isEqualTo(Verdict.DRIFT);
    }

    @Test
    void rejectsAPValueLevelOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new Threshold(P_VALUE_AT_MOST, 1.5))
                .hasMessageContaining("a p-value threshold must lie in (0, 1), got 1.5");
    }

    @Test
    void aPValueRuleOnATestWithoutPValueSaysSo() {
        assertThatThrownBy(() -> new Threshold(P_VALUE_AT_MOST, 0.05).decide(TestOutcome.exactStatistic(3)))
                .hasMessageContaining("needs a p-value");
    }
}
