package io.driftwatch.stats.distribution;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code scipy.special.smirnov} across small and large n, including its special cases. */
class SmirnovDistributionTest {
    static Stream<Arguments> rows() {
        return ReferenceTable.load("smirnov_sf.csv").records().stream()
                .map(row -> Arguments.of(Integer.parseInt(row.get("n")), Double.parseDouble(row.get("x")),
                        Double.parseDouble(row.get("sf"))));
    }

    @ParameterizedTest(name = "n={0}, x={1}")
    @MethodSource("rows")
    void survivalFunctionMatchesScipy(int n, double x, double sf) {
        assertThat(SmirnovDistribution.sf(n, x)).isCloseTo(sf, within(1e-9 * sf + 1e-300));
    }
}
