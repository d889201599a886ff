package io.driftwatch.stats.distribution;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code kstwo.sf} and the exact CDF branches against SciPy, one row per (n, d), labelled with SciPy's branch. */
class KolmogorovDistributionTest {
    private static final double RELATIVE = 1e-9;

    static Stream<Arguments> rows() {
        return ReferenceTable.load("kolmogorov_sf.csv").records().stream()
                .map(row -> Arguments.of(row.get("branch"), Integer.parseInt(row.get("n")),
                        Double.parseDouble(row.get("d")), Double.parseDouble(row.get("sf")),
                        Double.parseDouble(row.get("cdf"))));
    }

    @ParameterizedTest(name = "{0}: n={1}, d={2}")
    @MethodSource("rows")
    void survivalFunctionMatchesScipyOnEveryBranch(String branch, int n, double d, double sf, double cdf) {
        assertThat(KolmogorovDistribution.sf(n, d)).isCloseTo(sf, within(RELATIVE * sf + 1e-300));
    }

    @ParameterizedTest(name = "{0}: n={1}, d={2}")
    @MethodSource("rows")
    void exactAndPelzGoodCdfsMatchScipyWhereScipyUsesThem(String branch, int n, double d, double sf, double cdf) {
        double actual = switch (branch) {
            case "durbin" -> DurbinMatrix.cdf(n, d);
            case "pomeranz" -> PomeranzRecursion.cdf(n, d);
            case "pelz_good" -> PelzGoodApproximation.cdf(n, d);
            default -> cdf;
        };
        assertThat(actual).isCloseTo(cdf, within(RELATIVE * cdf + 1e-300));
    }

    @ParameterizedTest(name = "{0}: n={1}, d={2}")
    @MethodSource("rows")
    void branchIsTheOneScipyTakes(String branch, int n, double d, double sf, double cdf) {
        String expected = switch (branch) {
            case "edge" -> d >= 1 ? "ZERO" : "ONE";
            case "smirnov_large_n" -> "SMIRNOV";
            default -> branch.toUpperCase(Locale.ROOT);
        };
        assertThat(KolmogorovBranch.of(n, d).name()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: n={1}, d={2}")
    @MethodSource("rows")
    void monotoneSurvivalFunctionEqualsScipyAwayFromHandOvers(String branch, int n, double d, double sf, double cdf) {
        assertThat(KolmogorovDistribution.monotoneSf(n, d)).isCloseTo(sf, within(RELATIVE * sf + 1e-300));
    }

    @Test
    void referenceTableCoversEveryBranchOfKolmogn() {
        Set<String> branches = ReferenceTable.load("kolmogorov_sf.csv").records().stream()
                .map(row -> row.get("branch")).collect(Collectors.toSet());
        assertThat(branches).contains("ruben_gambino_low", "ruben_gambino_high", "smirnov", "smirnov_large_n",
                "durbin", "pomeranz", "pelz_good", "zero");
    }

    @Test
    void survivalFunctionIsOneAtZeroAndZeroAtOne() {
        assertThat(KolmogorovDistribution.sf(50, 0.0)).isEqualTo(1.0);
        assertThat(KolmogorovDistribution.sf(50, 1.0)).isEqualTo(0.0);
    }
}
