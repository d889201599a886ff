package io.driftwatch.stats.sample;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryLabelTest {

    @Test
    void trueAndFalseInAnyLetterCaseAreSpelledAsJsonPrintsThem() {
        assertThat(List.of("True", "TRUE", "true", "tRuE").stream().map(CategoryLabel::of)).containsOnly("true");
        assertThat(List.of("False", "FALSE", "false").stream().map(CategoryLabel::of)).containsOnly("false");
    }

    @Test
    void everyOtherValueIsKeptAsItIs() {
        assertThat(List.of("Truth", "yes", "T", "1", "0", "", "Oslo", "falsey", " true").stream().map(CategoryLabel::of))
                .containsExactly("Truth", "yes", "T", "1", "0", "", "Oslo", "falsey", " true");
    }

    @Test
    void countsOfPandasAndJsonSpellingsAreOneCategory() {
        CategoryCounts fromMap = CategoryCounts.of(Map.of("True", 2L, "true", 3L, "False", 1L, "no", 4L));
        CategoryCounts fromValues = CategoryCounts.ofValues(List.of("True", "true", "TRUE", "False", "no"));
        assertThat(fromMap.counts()).containsExactly(Map.entry("false", 1L), Map.entry("no", 4L), Map.entry("true", 5L));
        assertThat(fromValues.counts()).containsExactly(Map.entry("false", 1L), Map.entry("no", 1L), Map.entry("true", 3L));
    }
}
