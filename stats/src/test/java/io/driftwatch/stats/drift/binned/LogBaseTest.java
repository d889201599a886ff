package io.driftwatch.stats.drift.binned;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LogBaseTest {

    @Test
    void bitsAreNatsDividedByLnTwo() {
        assertThat(LogBase.TWO.fromNats(Math.log(8))).isCloseTo(3.0, within(1e-15));
        assertThat(LogBase.E.fromNats(0.25)).isEqualTo(0.25);
    }
}
