package io.driftwatch.stats.quality;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeTypingTest {
    private static final OutcomeTyping AUTO = OutcomeTyping.AUTO;

    private static LabelledPair auto(Object prediction, Object label) {
        return AUTO.pair(prediction, label, Map.of());
    }

    @Test
    void wholeNumberLabelsAndPredictionsAreClassesNamedWithoutAFraction() {
        assertThat(auto(1.0, 0.0)).isEqualTo(new ClassifiedPair("1", "0", Map.of()));
        assertThat(auto(7.0, 3.0)).isEqualTo(new ClassifiedPair("7", "3", Map.of()));
        assertThat(auto(-1.0, 1.0)).isEqualTo(new ClassifiedPair("-1", "1", Map.of()));
    }

    @Test
    void aProbabilityBesideALabelZeroOrOneIsThePositiveClassesScoreAndDecidesTheClassAtOneHalf() {
        assertThat(auto(0.83, 1.0)).isEqualTo(new ClassifiedPair("1", "1", Map.of("1", 0.83)));
        assertThat(auto(0.5, 0.0)).isEqualTo(new ClassifiedPair("1", "0", Map.of("1", 0.5)));
        assertThat(auto(0.2, 1.0)).isEqualTo(new ClassifiedPair("0", "1", Map.of("1", 0.2)));
    }

    @Test
    void trueAndFalseInAnyCaseAreTheClassesTrueAndFalse() {
        assertThat(auto(0.3, "True")).isEqualTo(new ClassifiedPair("false", "true", Map.of("true", 0.3)));
        assertThat(auto("FALSE", "false")).isEqualTo(new ClassifiedPair("false", "false", Map.of()));
    }

    @Test
    void numbersThatAreNeitherClassesNorAProbabilityOfZeroOrOneAreARegression() {
        assertThat(auto(12.5, 11.0)).isEqualTo(new RegressedPair(12.5, 11.0));
        assertThat(auto(0.83, 3.0)).as("a label outside 0/1").isEqualTo(new RegressedPair(0.83, 3.0));
        assertThat(auto(1.7, 1.0)).as("a prediction outside [0, 1]").isEqualTo(new RegressedPair(1.7, 1.0));
        assertThat(auto(3.0, 2.5)).as("a fractional label").isEqualTo(new RegressedPair(3.0, 2.5));
    }

    @Test
    void theUsersTaskSettlesEveryPairOfTwoNumbersButNotAClassName() {
        OutcomeTyping regression = new OutcomeTyping(TaskChoice.REGRESSION, null);
        OutcomeTyping classification = new OutcomeTyping(TaskChoice.CLASSIFICATION, null);

        assertThat(regression.pair(1.0, 0.0, Map.of("1", 0.9))).isEqualTo(new RegressedPair(1.0, 0.0));
        assertThat(regression.pair("cat", 1.0, Map.of()).task()).isEqualTo(TaskKind.CLASSIFICATION);
        assertThat(classification.pair(2.5, 2.5, Map.of())).isEqualTo(new ClassifiedPair("2.5", "2.5", Map.of()));
        assertThat(classification.pair(0.83, 0.0, Map.of())).isEqualTo(new ClassifiedPair("1", "0", Map.of("1", 0.83)));
    }

    @Test
    void aPositiveClassOfTheLabelsPairIsTheClassALoneProbabilityIsOf() {
        OutcomeTyping zeroIsPositive = new OutcomeTyping(TaskChoice.AUTO, "0");

        assertThat(zeroIsPositive.pair(0.83, 1.0, Map.of())).isEqualTo(new ClassifiedPair("0", "1", Map.of("0", 0.83)));
        assertThat(zeroIsPositive.pair(0.3, "true", Map.of())).as("0 is not of the pair true/false")
                .isEqualTo(new ClassifiedPair("false", "true", Map.of("true", 0.3)));
    }

    @Test
    void withOneLoggedScoreAClassPredictionIsTakenAsItIsAndAProbabilityIsDecidedAtOneHalf() {
        assertThat(AUTO.pair(0.0, 1.0, Map.of("1", 0.4))).isEqualTo(new ClassifiedPair("0", "1", Map.of("1", 0.4)));
        assertThat(AUTO.pair(0.4, 1.0, Map.of("1", 0.4))).isEqualTo(new ClassifiedPair("0", "1", Map.of("1", 0.4)));
        assertThat(AUTO.pair("legit", "fraud", Map.of("fraud", 0.7)))
                .isEqualTo(new ClassifiedPair("legit", "fraud", Map.of("fraud", 0.7)));
    }

    @Test
    void withEveryClassScoredANumberNamingNoClassIsTheClassScoredHighest() {
        assertThat(AUTO.pair(0.7, "dog", Map.of("cat", 0.2, "dog", 0.7, "fox", 0.1)))
                .isEqualTo(new ClassifiedPair("dog", "dog", Map.of("cat", 0.2, "dog", 0.7, "fox", 0.1)));
    }
}
