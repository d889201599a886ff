package io.driftwatch.stats.rank;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The rankings against NannyML's definitions as SciPy and NumPy compute them. Every expected number below was printed by
 * {@code stats/src/test/resources/rank/ranking_reference.py} (SciPy 1.17.1, NumPy 2.4.6) on the same data.
 */
class RankingReferenceTest {
    private static final double NAN = Double.NaN;
    private static final double R_TOLERANCE = 1e-12;
    private static final double P_RELATIVE_TOLERANCE = 1e-9;

    private static final double[] PERFORMANCE = {0.90, 0.89, 0.86, NAN, 0.80, 0.78, 0.84, 0.91};
    private static final double REFERENCE_MEAN = mean(0.91, 0.89, 0.90, 0.92, 0.88);
    private static final double[] INCOME = {0.02, 0.03, 0.09, 0.40, 0.21, 0.25, NAN, 0.01};
    private static final List<FeatureSeries> CORRELATED = List.of(
            series("tenure", NAN, NAN, 0.05, 0.30, NAN, NAN, NAN, 0.12),
            series("zip", 0.30, 0.28, 0.20, 0.22, 0.10, 0.06, 0.18, 0.31),
            series("income", INCOME),
            series("age", 0.05, 0.11, 0.04, 0.09, 0.12, 0.07, 0.10, 0.06),
            series("flat", 0.10, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10),
            series("income_twin", INCOME));

    @Test
    void referenceMeanIsThePrintedOne() {
        assertThat(REFERENCE_MEAN).isEqualTo(0.9);
    }

    @Test
    void tiesInAlertCountGoToTheNameThatSortsLastAsNannyMlsCodeSortsThem() {
        List<RankedFeature> ranked = AlertCountRanking.rank(List.of(
                alerts("age", true, false, true, true, false),
                alerts("balance", false, false, false, false, false),
                alerts("income", false, true, true, true, false),
                alerts("tenure", true, true, false, false, true),
                alerts("zip", false, false, false, true, false)));

        assertThat(ranked).extracting(RankedFeature::feature).containsExactly("tenure", "income", "age", "zip", "balance");
        assertThat(ranked).extracting(RankedFeature::alerts).containsExactly(3, 3, 3, 1, 0);
        assertThat(ranked).extracting(RankedFeature::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(ranked).extracting(RankedFeature::drifted).containsExactly(true, true, true, true, false);
        assertThat(ranked).extracting(RankedFeature::correlation).containsOnlyNulls();
    }

    @Test
    void correlationOrderPutsEqualRInGivenOrderNegativeRBelowPositiveAndUndefinedLast() {
        List<RankedFeature> ranked = CorrelationRanking.rank(CORRELATED, PERFORMANCE, REFERENCE_MEAN);

        assertThat(ranked).extracting(RankedFeature::feature)
                .containsExactly("income", "income_twin", "age", "zip", "tenure", "flat");
        assertThat(ranked).extracting(RankedFeature::rank).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void correlationAndPValueEqualScipysPearsonrAfterDroppingNanChunksPairwise() {
        List<RankedFeature> ranked = CorrelationRanking.rank(CORRELATED, PERFORMANCE, REFERENCE_MEAN);

        assertCorrelation(ranked.get(0), "income", 0.9955718402455016, 2.936948321298965e-05);
        assertCorrelation(ranked.get(1), "income_twin", 0.9955718402455016, 2.936948321298965e-05);
        assertCorrelation(ranked.get(2), "age", 0.33764179762817437, 0.45890780241205137);
        assertCorrelation(ranked.get(3), "zip", -0.9895587246914647, 2.1276692952224614e-05);
    }

    @Test
    void twoChunksLeftGiveRMinusOneWithPValueOneAsScipyDoes() {
        RankedFeature tenure = CorrelationRanking.rank(CORRELATED, PERFORMANCE, REFERENCE_MEAN).get(4);

        assertThat(tenure.feature()).isEqualTo("tenure");
        assertThat(tenure.correlation()).isEqualTo(-1.0);
        assertThat(tenure.pValue()).isEqualTo(1.0);
        assertThat(PearsonCorrelation.of(new double[]{0.2, 0.1}, new double[]{0.01, 0.05}))
                .contains(new PearsonCorrelation(-1, 1, 2));
    }

    @Test
    void aConstantStatisticHasNoCorrelationAndStillCountsItsAlerts() {
        FeatureSeries flat = FeatureSeries.of("flat", new double[]{0.1, 0.1, 0.1}, new boolean[]{true, false, true});

        RankedFeature ranked = CorrelationRanking.rank(List.of(flat), new double[]{0.8, 0.7, 0.9}, 0.9).get(0);

        assertThat(ranked.correlation()).isNull();
        assertThat(ranked.pValue()).isNull();
        assertThat(ranked.alerts()).isEqualTo(2);
        assertThat(ranked.drifted()).isTrue();
    }

    @Test
    void oneChunkHasNoCorrelationWhereScipyRefusesToComputeOne() {
        assertThat(PearsonCorrelation.of(new double[]{0.2}, new double[]{0.01})).isEmpty();
        assertThat(PearsonCorrelation.of(new double[]{0.2, NAN, 0.3}, new double[]{0.01, 0.02, NAN})).isEmpty();
    }

    @Test
    void seriesOfAnotherLengthThanThePerformanceAreRefused() {
        assertThatThrownBy(() -> CorrelationRanking.rank(
                        List.of(series("age", 0.1, 0.2)), new double[]{0.8, 0.7, 0.9}, 0.9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 chunks but the performance 3");
    }

    private static void assertCorrelation(RankedFeature ranked, String feature, double r, double pValue) {
        assertThat(ranked.feature()).isEqualTo(feature);
        assertThat(ranked.correlation()).isCloseTo(r, within(R_TOLERANCE));
        assertThat(ranked.pValue()).isCloseTo(pValue, within(pValue * P_RELATIVE_TOLERANCE));
    }

    private static FeatureSeries series(String feature, double... statistics) {
        return FeatureSeries.of(feature, statistics, new boolean[statistics.length]);
    }

    private static FeatureSeries alerts(String feature, boolean... alerts) {
        return FeatureSeries.of(feature, new double[alerts.length], alerts);
    }

    private static double mean(double... values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
