package io.driftwatch.stats.multivariate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ReconstructionErrorsTest {
    private static final double[] ERRORS = {0.3, 1.7, 0.05, 2.4, 0.9, 0.9, 3.1, 0.2, 1.05};

    @Test
    void mergingTwoHalvesEqualsOneStateFedAllRows() {
        ReconstructionErrors all = feed(ReconstructionErrors.empty(), 0, ERRORS.length);
        ReconstructionErrors merged = feed(ReconstructionErrors.empty(), 0, 4)
                .merge(feed(ReconstructionErrors.empty(), 4, ERRORS.length));
        assertThat(merged.count()).isEqualTo(all.count());
        assertThat(merged.mean()).isCloseTo(all.mean(), within(1e-12));
        assertThat(merged.m2()).isCloseTo(all.m2(), within(1e-12));
    }

    @Test
    void valueAndSamplingErrorAreTheMeanAndItsStandardError() {
        ReconstructionErrors errors = feed(ReconstructionErrors.empty(), 0, 3);
        double mean = (0.3 + 1.7 + 0.05) / 3;
        double sampleVariance = ((0.3 - mean) * (0.3 - mean) + (1.7 - mean) * (1.7 - mean)
                + (0.05 - mean) * (0.05 - mean)) / 2;
        assertThat(errors.value()).isCloseTo(mean, within(1e-15));
        assertThat(errors.samplingError()).isCloseTo(Math.sqrt(sampleVariance / 3), within(1e-15));
        assertThat(errors.confidenceBand().lower()).isEqualTo(0.0);
        assertThat(errors.confidenceBand().upper()).isCloseTo(mean + 3 * Math.sqrt(sampleVariance / 3), within(1e-15));
    }

    @Test
    void oneRowHasAValueButNoSamplingError() {
        ReconstructionErrors one = ReconstructionErrors.empty().plus(0.7);
        assertThat(one.value()).isEqualTo(0.7);
        assertThat(one.samplingError()).isNaN();
        assertThat(ReconstructionErrors.empty().value()).isNaN();
    }

    @Test
    void mergingWithAnEmptyStateChangesNothing() {
        ReconstructionErrors some = feed(ReconstructionErrors.empty(), 0, 5);
        assertThat(some.merge(ReconstructionErrors.empty())).isEqualTo(some);
        assertThat(ReconstructionErrors.empty().merge(some)).isEqualTo(some);
    }

    @Test
    void codecRoundTripsAStateAndPinsItsBytes() {
        ReconstructionErrors state = new ReconstructionErrors(3, 1.5, 0.5);
        byte[] bytes = ReconstructionErrorsCodec.encode(state);
        assertThat(bytes).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 3, 0x3F, 0xF8 - 256, 0, 0, 0, 0, 0, 0,
                0x3F, 0xE0 - 256, 0, 0, 0, 0, 0, 0);
        assertThat(ReconstructionErrorsCodec.decode(bytes)).isEqualTo(state);
        assertThat(ReconstructionErrorsCodec.decode(ReconstructionErrorsCodec.encode(ReconstructionErrors.empty())))
                .isEqualTo(ReconstructionErrors.empty());
    }

    @Test
    void codecRefusesAnUnknownVersion() {
        byte[] bytes = ReconstructionErrorsCodec.encode(new ReconstructionErrors(3, 1.5, 0.5));
        bytes[0] = 2;
        assertThatThrownBy(() -> ReconstructionErrorsCodec.decode(bytes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2");
    }

    @Test
    void refusesAnErrorThatIsNotAFiniteDistance() {
        assertThatThrownBy(() -> ReconstructionErrors.empty().plus(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite distance");
        assertThatThrownBy(() -> ReconstructionErrors.empty().plus(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite distance");
    }

    private static ReconstructionErrors feed(ReconstructionErrors state, int from, int to) {
        ReconstructionErrors fed = state;
        for (int i = from; i < to; i++) {
            fed = fed.plus(ERRORS[i]);
        }
        return fed;
    }
}
