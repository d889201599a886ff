package io.driftwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code check} prints NannyML's numbers with the options that ask for them. Expected values from SciPy 1.17.1 and
 * NumPy 2.4.6, computed as the stats module's tests of each statistic say (ChiSquareContingencyTest,
 * DoaneBinningTest, BinnedEstimatesTest), on the same data.
 */
class CheckNannymlOptionsTest {
    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void chiSquareContingencyPrintsScipysStatisticAndPValueForACategoryOnlyInCurrent() throws IOException {
        // scipy.stats.chi2_contingency([[40, 60, 0], [30, 50, 20]]) -> 22.337662337662337, 1.4107116538983095e-05
        Path reference = csv("reference.csv", repeated(List.of("a", "b"), List.of(40, 60)));
        Path current = csv("current.csv", repeated(List.of("a", "b", "c"), List.of(30, 50, 20)));

        int exit = check(reference, current, "--tests", "chi_square_contingency");

        JsonNode test = json().at("/columns/x/tests/chi_square_contingency");
        assertThat(test.get("statistic").asDouble()).isCloseTo(22.337662337662337, within(1e-11));
        assertThat(test.get("pvalue").asDouble()).isCloseTo(1.4107116538983095e-05, within(1e-18));
        assertThat(test.get("drift").asBoolean()).isTrue();
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void doaneBinningGivesNannymlsDistancesOnANumericColumnWithFewDistinctValues() throws IOException {
        // NannyML's bins: one per reference value, 6 and 2.5 in the extra one; jensenshannon(p, q, base=2)
        Path reference = csv("reference.csv", repeated(List.of("1", "2", "3", "4", "5"), List.of(20, 50, 60, 40, 30)));
        Path current = csv("current.csv", repeated(List.of("1", "2", "3", "4", "5", "6", "2.5"),
                List.of(10, 30, 25, 15, 5, 10, 5)));

        check(reference, current, "--tests", "jensen_shannon,hellinger", "--binning", "doane", "--log-base", "2");

        assertThat(json().at("/columns/x/tests/jensen_shannon/statistic").asDouble())
                .isCloseTo(0.31581742737817153, within(1e-14));
        assertThat(json().at("/columns/x/tests/hellinger/statistic").asDouble())
                .isCloseTo(0.3040885090882295, within(1e-14));
    }

    @Test
    void binnedEstimatesGiveNannymlsKsAndWassersteinOnAReferenceOfTwentyThousandValues() throws IOException {
        Path reference = csv("reference.csv", numbers(20_000, i -> Math.pow((double) (i * 7919L % 20_000), 2) / 4e6));
        Path current = csv("current.csv", numbers(1000, j -> j < 300 ? 0.005 : (j * 31 % 1000) / 8.0 - 10));

        check(reference, current, "--tests", "ks,wasserstein", "--binned-estimates");

        // NannyML's D 0.346 (ks_2samp's exact D: 0.3489); kstwo.sf(0.346, round(20000 * 1000 / 21000))
        assertThat(json().at("/columns/x/tests/ks/statistic").asDouble()).isCloseTo(0.346, within(1e-12));
        assertThat(json().at("/columns/x/tests/ks/pvalue").asDouble()).isCloseTo(2.5810516159777787e-102, within(1e-110));
        // NannyML's distance 8.68375385421193 over np.std(ref) 29.812842113111582
        assertThat(json().at("/columns/x/tests/wasserstein/statistic").asDouble())
                .isCloseTo(0.2912756127465233, within(1e-12));
        assertThat(json().at("/options/binned_estimates").asBoolean()).isTrue();
    }

    @Test
    void withoutBinnedEstimatesTheSameFilesGiveTheExactStatistics() throws IOException {
        Path reference = csv("reference.csv", numbers(20_000, i -> Math.pow((double) (i * 7919L % 20_000), 2) / 4e6));
        Path current = csv("current.csv", numbers(1000, j -> j < 300 ? 0.005 : (j * 31 % 1000) / 8.0 - 10));

        check(reference, current, "--tests", "ks,wasserstein");

        // ks_2samp(ref, cur).statistic; wasserstein_distance(ref, cur) / np.std(ref)
        assertThat(json().at("/columns/x/tests/ks/statistic").asDouble()).isCloseTo(0.3489, within(1e-12));
        assertThat(json().at("/columns/x/tests/wasserstein/statistic").asDouble())
                .isCloseTo(0.29308178208317265, within(1e-12));
    }

    private int check(Path reference, Path current, String... options) {
        List<String> args = new ArrayList<>(List.of("check", "--reference", reference.toString(),
                "--current", current.toString(), "--format", "json"));
        args.addAll(List.of(options));
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args.toArray(String[]::new));
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    private Path csv(String name, List<String> values) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("x");
        lines.addAll(values);
        return Files.write(directory.resolve(name), lines);
    }

    private static List<String> repeated(List<String> values, List<Integer> times) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            rows.addAll(Collections.nCopies(times.get(i), values.get(i)));
        }
        return rows;
    }

    private static List<String> numbers(int size, IntFunction<Double> value) {
        return IntStream.range(0, size).mapToObj(i -> Double.toString(value.apply(i))).toList();
    }
}
