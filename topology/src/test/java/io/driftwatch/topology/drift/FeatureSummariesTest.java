package io.driftwatch.topology.drift;

import io.driftwatch.schemas.record.CategoryShare;
import io.driftwatch.schemas.record.FeatureSummary;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class FeatureSummariesTest {

    private static CategoricalProfile categories(int no, int se, int dk) {
        List<String> values = new ArrayList<>();
        values.addAll(Collections.nCopies(no, "NO"));
        values.addAll(Collections.nCopies(se, "SE"));
        values.addAll(Collections.nCopies(dk, "DK"));
        return CategoricalProfile.of(CategoricalProfileConfig.defaults(), values);
    }

    @Test
    void categoriesAreRankedByHowFarTheirShareMoved() {
        FeatureSummary summary = FeatureSummaries.of(categories(50, 50, 0), categories(20, 40, 40)).orElseThrow();

        assertThat(summary.getCategories()).extracting(CategoryShare::getCategory, CategoryShare::getReferenceShare, CategoryShare::getCurrentShare)
                .containsExactly(tuple("DK", 0.0, 0.4), tuple("NO", 0.5, 0.2), tuple("SE", 0.5, 0.4));
        assertThat(summary.getReferenceCount()).isEqualTo(100);
        assertThat(summary.getReferenceMean()).isNull();
        assertThat(summary.getBinEdges()).isEmpty();
    }

    @Test
    void numbersGetMeansQuartilesAndAHistogramWhoseBinsHoldEveryValue() {
        double[] reference = new double[101];
        double[] current = new double[101];
        for (int i = 0; i <= 100; i++) {
            reference[i] = i;
            current[i] = i + 50;
        }
        FeatureSummary summary = FeatureSummaries.of(NumericProfile.of(NumericProfileConfig.defaults(), reference),
                NumericProfile.of(NumericProfileConfig.defaults(), current)).orElseThrow();

        assertThat(summary.getReferenceMean()).isEqualTo(50.0);
        assertThat(summary.getCurrentMean()).isEqualTo(100.0);
        assertThat(summary.getQuantiles().get(2).getRank()).isEqualTo(0.5);
        assertThat(summary.getQuantiles().get(2).getReference()).isEqualTo(50.0);
        assertThat(summary.getQuantiles().get(2).getCurrent()).isEqualTo(100.0);
        assertThat(summary.getBinEdges()).hasSize(FeatureSummaries.HISTOGRAM_BINS + 1);
        assertThat(summary.getReferenceProportions().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(summary.getCurrentProportions().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(summary.getCurrentProportions().get(0)).isZero();
        assertThat(summary.getReferenceProportions().get(FeatureSummaries.HISTOGRAM_BINS - 1)).isZero();
    }

    @Test
    void aNumericAgainstACategoricalProfileHasNoSummary() {
        assertThat(FeatureSummaries.of(NumericProfile.of(NumericProfileConfig.defaults(), 1, 2), categories(1, 1, 1))).isEmpty();
    }
}
