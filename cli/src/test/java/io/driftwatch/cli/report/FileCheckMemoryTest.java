package io.driftwatch.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.cli.tabular.MemoryBudget;
import io.driftwatch.cli.tabular.TableReader;
import io.driftwatch.stats.calibration.CalibrationTargets;
import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DatasetComparator;
import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.compare.TestVerdict;
import io.driftwatch.stats.compare.Verdict;
import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check} on files whose numbers do not all fit in its memory budget, against the same check with room. */
class FileCheckMemoryTest {
    private static final int ROWS = 20_000;

    @TempDir
    Path directory;

    private Path csv(String name, long seed, double shift, double slightShift) throws Exception {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("steady,shifted,slight,city\n");
        for (int i = 0; i < ROWS; i++) {
            text.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%s%n", random.nextGaussian(),
                    random.nextGaussian() + shift, random.nextGaussian() + slightShift, "c" + random.nextInt(8)));
        }
        return Files.writeString(directory.resolve(name), text);
    }

    private FileCheck check(Path reference, Path current, String budgetBytes) throws Exception {
        return withBudget(budgetBytes, () -> FileCheck.run(reference, current, Map.of(), ComparisonSettings.DEFAULT,
                DriftDefaults.MIN_CHECK_ROWS));
    }

    private static FileCheck withBudget(String budgetBytes, Callable<FileCheck> check) throws Exception {
        String before = System.getProperty(MemoryBudget.BUDGET_PROPERTY);
        System.setProperty(MemoryBudget.BUDGET_PROPERTY, budgetBytes);
        try {
            return check.call();
        } finally {
            if (before == null) {
                System.clearProperty(MemoryBudget.BUDGET_PROPERTY);
            } else {
                System.setProperty(MemoryBudget.BUDGET_PROPERTY, before);
            }
        }
    }

    private static Map<String, TestVerdict> allTests(ColumnReport column) {
        Map<String, TestVerdict> tests = new HashMap<>(column.tests());
        tests.putAll(column.informational());
        return tests;
    }

    @Test
    void numericColumnsPastTheBudgetAreComparedBySketchesWhoseBoundsHoldTheExactStatistics() throws Exception {
        Path reference = csv("reference.csv", 1, 0, 0);
        Path current = csv("current.csv", 2, 0.3, 0.03);

        FileCheck sketched = check(reference, current, "0");
        FileCheck exact = check(reference, current, String.valueOf(Long.MAX_VALUE));

        assertThat(sketched.sketchedColumns()).containsOnlyKeys("steady", "shifted", "slight");
        assertThat(sketched.sketchedColumns().get("shifted")).startsWith("both files' values would not fit in the heap");
        assertThat(exact.sketchedColumns()).isEmpty();
        int bounded = 0;
        for (String column : Set.of("steady", "shifted", "slight")) {
            Map<String, TestVerdict> exactTests = allTests(exact.report().columns().get(column));
            Map<String, TestVerdict> sketchTests = allTests(sketched.report().columns().get(column));
            assertThat(sketchTests).as(column).isNotEmpty();
            for (TestVerdict sketchTest : sketchTests.values()) {
                if (sketchTest.outcome().method() != Method.SKETCH) {
                    continue;
                }
                TestVerdict exactTest = exactTests.get(sketchTest.test());
                ErrorBound bound = sketchTest.outcome().bound();
                assertThat(bound).as(column + " " + sketchTest.test()).isNotNull();
                assertThat(exactTest.outcome().statistic()).as(column + " " + sketchTest.test())
                        .isBetween(bound.statisticLow(), bound.statisticHigh());
                if (sketchTest.verdict() != Verdict.INCONCLUSIVE) {
                    assertThat(sketchTest.verdict()).as(column + " " + sketchTest.test()).isEqualTo(exactTest.verdict());
                }
                bounded++;
            }
        }
        assertThat(bounded).isGreaterThanOrEqualTo(3);
        assertThat(sketched.report().columns().get("shifted").verdict()).isEqualTo(Verdict.DRIFT);
        assertThat(sketched.report().columns().get("city")).isEqualTo(exact.report().columns().get("city"));
        assertThat(sketched.report().dataset().columns()).isEqualTo(4);
        assertThat(sketched.charts().chartOf("shifted")).isPresent();
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(sketched.report(), sketched.judgement(),
                TestOptions.DEFAULT, Set.of(), sketched.sketchedColumns()));
        assertThat(json.path("sketched").path("slight").asText()).isEqualTo(sketched.sketchedColumns().get("slight"));
        assertThat(json.path("columns").path("slight").path("tests").path("wasserstein").path("method").asText())
                .isEqualTo("sketch");
    }

    @Test
    void filesWithinTheBudgetGiveTheReportOfTheExactComparisonByteForByte() throws Exception {
        Path reference = csv("reference.csv", 1, 0, 0);
        Path current = csv("current.csv", 2, 0.3, 0.03);
        TableReader reader = new TableReader(Map.of());
        DriftComparison allExact = new DatasetComparator(ComparisonSettings.DEFAULT)
                .compare(reader.read(reference).columns(), reader.read(current).columns());
        String expected = JsonReport.render(allExact, DatasetJudgement.of(allExact, ROWS, DriftDefaults.MIN_CHECK_ROWS),
                TestOptions.DEFAULT);

        for (String budgetBytes : new String[]{"4000000", String.valueOf(Long.MAX_VALUE)}) {
            FileCheck check = check(reference, current, budgetBytes);
            assertThat(check.sketchedColumns()).as(budgetBytes).isEmpty();
            assertThat(JsonReport.render(check.report(), check.judgement(), TestOptions.DEFAULT, Set.of(),
                    check.sketchedColumns())).as(budgetBytes).isEqualTo(expected);
        }
    }

    @Test
    void aCalibratedColumnTheReferenceSketchedSaysItsThresholdsWereNotCalibrated() throws Exception {
        Path reference = csv("reference.csv", 1, 0, 0);
        Path current = csv("current.csv", 2, 0.3, 0.03);
        FileCheck check = withBudget("0", () -> FileCheck.run(reference, current, Map.of(), Set.of(),
                ComparisonSettings.DEFAULT, new CalibrationTargets(Map.of("shifted", Map.of("psi", TestOptions.DEFAULT))),
                DriftDefaults.MIN_CHECK_ROWS));

        assertThat(check.sketchedColumns().get("shifted")).endsWith("; its thresholds were not calibrated (psi keep the"
                + " policy's), since calibration needs the reference's values");
        assertThat(check.sketchedColumns().get("steady")).doesNotContain("calibrated");
    }

    @Test
    void aColumnMixingNumbersAndWordsIsStillReadAsCategoriesWhenTheBudgetIsSpent() throws Exception {
        Path reference = Files.writeString(directory.resolve("r.csv"), "zip,v\n" + "02134,1\n".repeat(3000) + "SW1A,2\n");
        Path current = Files.writeString(directory.resolve("c.csv"), "zip,v\n" + "02134,1\n".repeat(2000) + "10001,3\n");

        FileCheck check = check(reference, current, "0");

        assertThat(check.report().columns().get("zip").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(check.sketchedColumns()).containsOnlyKeys("v");
    }
}
