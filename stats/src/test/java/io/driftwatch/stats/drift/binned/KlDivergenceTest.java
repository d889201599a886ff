package io.driftwatch.stats.drift.binned;

import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KlDivergenceTest {

    static Stream<Named<GoldenCase>> evidentlyCases() {
        return PsiTest.named("kl_divergence_evidently");
    }

    @ParameterizedTest
    @MethodSource("evidentlyCases")
    void divergenceOverSturgesBinsMatchesEvidentlyOnEveryGoldenCase(GoldenCase golden) {
        double divergence = new KlDivergence(Binning.STURGES, LogBase.E)
                .compare(golden.referenceSample(), golden.currentSample()).statistic();
        assertThat(divergence).isCloseTo(golden.expected("kl_divergence_evidently", "statistic"), within(GoldenCases.STATISTIC_TOLERANCE));
    }

    @Test
    void divergenceInBitsIsTheNatsValueOverLnTwo() {
        GoldenCase golden = GoldenCases.load("tiny_exact");
        double nats = new KlDivergence(Binning.STURGES, LogBase.E).compare(golden.referenceSample(), golden.currentSample()).statistic();
        double bits = new KlDivergence(Binning.STURGES, LogBase.TWO).compare(golden.referenceSample(), golden.currentSample()).statistic();
        assertThat(bits).isCloseTo(golden.expected("kl_divergence_evidently", "statistic") / Math.log(2), within(1e-9));
        assertThat(bits).isCloseTo(nats / Math.log(2), within(1e-15));
    }
}
