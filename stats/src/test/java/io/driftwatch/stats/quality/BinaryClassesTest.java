package io.driftwatch.stats.quality;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BinaryClassesTest {

    @Test
    void labelsZeroAndOneImplyOneAndTrueAndFalseImplyTrue() {
        assertThat(BinaryClasses.defaultPositive(List.of("0", "1"))).contains("1");
        assertThat(BinaryClasses.defaultPositive(List.of("0"))).as("a file of negatives only").contains("1");
        assertThat(BinaryClasses.defaultPositive(List.of("false", "true"))).contains("true");
    }

    @Test
    void namedClassesAMixOfThePairsOrNoClassesImplyNoPositiveClass() {
        assertThat(BinaryClasses.defaultPositive(List.of("fraud", "legit"))).isEmpty();
        assertThat(BinaryClasses.defaultPositive(List.of("0", "true"))).isEmpty();
        assertThat(BinaryClasses.defaultPositive(List.of("0", "1", "2"))).isEmpty();
        assertThat(BinaryClasses.defaultPositive(List.of())).isEmpty();
    }

    @Test
    void classesTypedInAnOptionAreSpelledAsLabelsAre() {
        assertThat(List.of("1", "1.0", "+1", "1e0").stream().map(ClassName::ofTyped)).containsOnly("1");
        assertThat(ClassName.ofTyped("TRUE")).isEqualTo("true");
        assertThat(ClassName.ofTyped("0.25")).isEqualTo("0.25");
        assertThat(ClassName.ofTyped("fraud")).isEqualTo("fraud");
    }
}
