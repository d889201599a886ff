package io.driftwatch.stats.distribution;

import io.driftwatch.stats.golden.GoldenCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** SciPy's {@code _cdf_cvm_inf}, and 1 - cdf to the golden p-value tolerance even where it keeps few digits. */
class CramerVonMisesLimitTest {
    static Stream<Arguments> rows() {
        return ReferenceTable.load("cramer_von_mises_limit.csv").records().stream()
                .map(row -> Arguments.of(Double.parseDouble(row.get("x")), Double.parseDouble(row.get("cdf")),
                        Double.parseDouble(row.get("sf"))));
    }

    @ParameterizedTest(name = "x={0}")
    @MethodSource("rows")
    void limitingCdfMatchesScipy(double x, double cdf, double sf) {
        assertThat(CramerVonMisesLimit.cdf(x)).isCloseTo(cdf, within(1e-15));
    }

    @ParameterizedTest(name = "x={0}")
    @MethodSource("rows")
    void survivalFunctionMatchesScipyWithinGoldenPValueTolerance(double x, double cdf, double sf) {
        assertThat(GoldenCases.pValueClose(CramerVonMisesLimit.sf(x), sf))
                .as("sf(%s) = %s, SciPy %s", x, CramerVonMisesLimit.sf(x), sf).isTrue();
    }
}
