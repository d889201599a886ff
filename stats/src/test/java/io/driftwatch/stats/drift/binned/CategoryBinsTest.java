package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.sample.CategoryCounts;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryBinsTest {

    @Test
    void alignsBothSidesOnTheSortedUnionWithZeroForAMissingCategory() {
        CategoryBins bins = CategoryBins.union(
                CategoryCounts.of(Map.of("b", 2L, "a", 6L)),
                CategoryCounts.of(Map.of("c", 1L, "a", 3L)));
        assertThat(bins.categories()).containsExactly("a", "b", "c");
        assertThat(bins.referenceCounts()).containsExactly(6, 2, 0);
        assertThat(bins.currentCounts()).containsExactly(3, 0, 1);
        assertThat(bins.referenceProportions()).containsExactly(0.75, 0.25, 0.0);
        assertThat(bins.currentProportions()).containsExactly(0.75, 0.0, 0.25);
    }
}
