package io.driftwatch.stats.distribution;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** SciPy's exact two-sample distribution, equal sizes (closed sum) and unequal sizes (inside recursion). */
class TwoSampleKolmogorovExactTest {
    static Stream<Arguments> rows() {
        return ReferenceTable.load("two_sample_exact_sf.csv").records().stream()
                .map(row -> Arguments.of(Integer.parseInt(row.get("n")), Integer.parseInt(row.get("m")),
                        Double.parseDouble(row.get("d")), Double.parseDouble(row.get("sf"))));
    }

    @ParameterizedTest(name = "{0} x {1}, d={2}")
    @MethodSource("rows")
    void survivalFunctionMatchesScipyExact(int n, int m, double d, double sf) {
        assertThat(TwoSampleKolmogorovExact.sf(d, n, m)).isCloseTo(sf, within(1e-9 * sf + 1e-300));
    }

    @Test
    void aStatisticOfZeroHasPValueOne() {
        assertThat(TwoSampleKolmogorovExact.sf(0.0, 30, 25)).isEqualTo(1.0);
    }

    @Test
    void sizesWhoseLcmExceeds32BitsAreNotFeasible() {
        assertThat(TwoSampleKolmogorovExact.isFeasible(10_000, 9_999)).isTrue();
        assertThat(TwoSampleKolmogorovExact.isFeasible(100_003, 100_019)).isFalse();
    }
}
