package io.driftwatch.stats.drift.categorical;

import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class UnseenCategoriesTest {

    static Stream<Named<GoldenCase>> cases() {
        return GoldenCases.withKey("unseen_categories").stream().map(golden -> Named.of(golden.name(), golden));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsExactlyTheGoldenUnseenCategoriesInOrder(GoldenCase golden) {
        assertThat(UnseenCategories.in(golden.referenceCounts(), golden.currentCounts()))
                .containsExactlyElementsOf(golden.expectedUnseenCategories());
    }
}
