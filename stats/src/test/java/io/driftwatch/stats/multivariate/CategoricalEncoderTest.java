package io.driftwatch.stats.multivariate;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CategoricalEncoderTest {
    private static final CategoricalEncoder ENCODER =
            CategoricalEncoder.fit(CategoricalColumn.of("colour", Arrays.asList("b", "a", "c", "b", "a", null)));

    @Test
    void imputesTheSmallestOfTheTiedMostFrequentCategories() {
        assertThat(ENCODER.imputedCategory()).isEqualTo("a");
    }

    @Test
    void sharesCountTheImputedRows() {
        assertThat(ENCODER.shares()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 3 / 6.0, "b", 2 / 6.0, "c", 1 / 6.0));
        assertThat(ENCODER.encode(new FeatureRow(Map.of(), Map.of()))).isEqualTo(3 / 6.0);
    }

    @Test
    void encodesACategoryTheReferenceNeverSawAsZero() {
        assertThat(ENCODER.encode(new FeatureRow(Map.of(), Map.of("colour", "violet")))).isEqualTo(0.0);
    }
}
