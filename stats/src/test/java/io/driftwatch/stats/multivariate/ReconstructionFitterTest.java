package io.driftwatch.stats.multivariate;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.driftwatch.stats.multivariate.ReconstructionCases.TOLERANCE;
import static io.driftwatch.stats.multivariate.ReconstructionCases.expected;
import static io.driftwatch.stats.multivariate.ReconstructionCases.expectedDoubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ReconstructionFitterTest {
    private static final ReconstructionFit FIT = ReconstructionFitter.fit(ReconstructionCases.reference());

    @Test
    void keepsTheComponentsNumPyKeepsForSixtyFivePercentOfTheVariance() {
        assertThat(FIT.subspace().componentCount()).isEqualTo(expected("k").asInt());
        assertThat(FIT.subspace().explainedVarianceRatios())
                .containsExactly(expectedDoubles("explained_variance_ratios"), within(TOLERANCE));
    }

    @Test
    void keptComponentsAreOrthonormal() {
        double[][] components = FIT.subspace().components();
        for (int a = 0; a < components.length; a++) {
            for (int b = 0; b < components.length; b++) {
                double dot = 0;
                for (int j = 0; j < components[a].length; j++) {
                    dot += components[a][j] * components[b][j];
                }
                assertThat(dot).isCloseTo(a == b ? 1 : 0, within(1e-12));
            }
        }
    }

    @Test
    void imputesAndEncodesEachColumnAsNumPyDoes() {
        assertThat(FIT.columnNames()).containsExactly("x1", "x2", "colour");
        assertThat(FIT.encoders()).extracting(ColumnEncoder::kind)
                .containsExactly(ColumnKind.CONTINUOUS, ColumnKind.CONTINUOUS, ColumnKind.CATEGORICAL);
        double[] means = expectedDoubles("imputed_means");
        assertThat(((ContinuousEncoder) FIT.encoders().get(0)).imputedValue()).isCloseTo(means[0], within(TOLERANCE));
        assertThat(((ContinuousEncoder) FIT.encoders().get(1)).imputedValue()).isCloseTo(means[1], within(TOLERANCE));
        CategoricalEncoder colour = (CategoricalEncoder) FIT.encoders().get(2);
        assertThat(colour.imputedCategory()).isEqualTo(expected("imputed_colour").asText());
        assertThat(colour.shares()).hasSize(expected("colour_shares").size());
        expected("colour_shares").properties().forEach(share ->
                assertThat(colour.shares().get(share.getKey())).isCloseTo(share.getValue().asDouble(), within(TOLERANCE)));
        assertThat(FIT.scalerMeans()).containsExactly(expectedDoubles("scaler_means"), within(TOLERANCE));
        assertThat(FIT.scalerScales()).containsExactly(expectedDoubles("scaler_scales"), within(TOLERANCE));
    }

    @Test
    void scalesAConstantColumnByOne() {
        double[] varying = {1, 2, 3, 5};
        double[] constant = {7, 7, 7, 7};
        ReconstructionFit fit = ReconstructionFitter.fit(new FeatureTable(List.of(
                ContinuousColumn.of("varying", varying), ContinuousColumn.of("constant", constant))));
        assertThat(fit.scalerScales()[1]).isEqualTo(1.0);
        assertThat(fit.scalerMeans()[1]).isEqualTo(7.0);
    }

    @Test
    void leavesAConstantColumnsDeviationUnexplained() {
        ReconstructionFit fit = ReconstructionFitter.fit(new FeatureTable(List.of(
                ContinuousColumn.of("x", 1, 2, 3, 5), ContinuousColumn.of("same", 7, 7, 7, 7))));
        assertThat(fit.subspace().explainedVarianceRatios()).containsExactly(1.0, 0.0);
        assertThat(fit.subspace().componentCount()).isEqualTo(1);
        assertThat(fit.errorOf(new FeatureRow(Map.of("x", 4.0, "same", 9.0), Map.of())))
                .as("the constant column's deviation, unscaled, is all that is left").isCloseTo(2.0, within(1e-12));
    }

    @Test
    void refusesAReferenceWithNoRows() {
        FeatureTable empty = new FeatureTable(List.of(ContinuousColumn.of("x")));
        assertThatThrownBy(() -> ReconstructionFitter.fit(empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no rows");
    }

    @Test
    void refusesAReferenceWithNoColumns() {
        assertThatThrownBy(() -> ReconstructionFitter.fit(new FeatureTable(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no columns");
    }

    @Test
    void refusesAColumnWithNoReferenceValue() {
        double[] missing = new double[3];
        Arrays.fill(missing, Double.NaN);
        FeatureTable reference = new FeatureTable(List.of(ContinuousColumn.of("x", 1, 2, 3),
                ContinuousColumn.of("blank", missing)));
        assertThatThrownBy(() -> ReconstructionFitter.fit(reference))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column blank has no value");
    }

    @Test
    void refusesAReferenceWhereNoColumnVaries() {
        FeatureTable reference = new FeatureTable(List.of(ContinuousColumn.of("x", 4, 4, 4)));
        assertThatThrownBy(() -> ReconstructionFitter.fit(reference))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column varies");
    }
}
