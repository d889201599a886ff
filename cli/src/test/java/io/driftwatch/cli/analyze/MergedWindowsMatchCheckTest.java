package io.driftwatch.cli.analyze;

import io.driftwatch.cli.report.FileCheck;
import io.driftwatch.schemas.record.WindowProfile;
import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.TestVerdict;
import io.driftwatch.stats.compare.Verdict;
import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The accuracy {@code analyze} claims, held against {@code check} on the raw rows of the same span: the rows are
 * profiled as the service profiles them, window by window, the windows merged as analyze merges them, and the
 * statistics compared with check's on the same rows as CSV files.
 */
class MergedWindowsMatchCheckTest {
    private static final Instant REFERENCE_START = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant CURRENT_START = Instant.parse("2026-11-01T00:00:00Z");
    private static final long MIN_RECORDS = 100;

    @TempDir
    Path directory;

    private record Compared(SpanComparison analyzed, FileCheck checked, MergedSpan current) {
    }

    private Compared compare(ProfiledRows reference, int referenceWindows, ProfiledRows current, int currentWindows)
            throws Exception {
        List<WindowProfile> topic = new ArrayList<>(reference.windows(REFERENCE_START, referenceWindows));
        topic.addAll(current.windows(CURRENT_START, currentWindows));
        ProfilesScan scan = new ProfilesScan(ProfiledRows.MODEL, ProfiledRows.VERSION,
                new MergedSpan(new Span("current", CURRENT_START, CURRENT_START.plus(ProfiledRows.HOUR.multipliedBy(currentWindows)))),
                new MergedSpan(new Span("reference", REFERENCE_START, CURRENT_START)));
        topic.forEach(scan::accept);
        SpanComparison analyzed = SpanComparison.run(ComparisonSettings.DEFAULT, scan.reference().orElseThrow().profiles(),
                scan.current().profiles(), Set.of(), scan.current().records(), MIN_RECORDS);
        FileCheck checked = FileCheck.run(reference.csv(directory.resolve("reference.csv")),
                current.csv(directory.resolve("current.csv")), Map.of(), ComparisonSettings.DEFAULT, MIN_RECORDS);
        return new Compared(analyzed, checked, scan.current());
    }

    private static List<TestVerdict> everyTest(ColumnReport column) {
        List<TestVerdict> tests = new ArrayList<>(column.tests().values());
        tests.addAll(column.informational().values());
        return tests;
    }

    @Test
    void sixWindowsMergedUnderTheExactCapGiveCheckStatisticsPValuesAndVerdictsExactly() throws Exception {
        Compared compared = compare(ProfiledRows.drawn(1, 1_500, 50_000, 0.5), 3,
                ProfiledRows.drawn(2, 1_800, 53_000, 0.35), 6);

        assertThat(compared.current().windows()).isEqualTo(6);
        assertThat(compared.current().records()).isEqualTo(1_800);
        assertThat(compared.analyzed().report().columns()).containsOnlyKeys(compared.checked().report().columns().keySet());
        compared.checked().report().columns().forEach((name, checkedColumn) -> {
            ColumnReport analyzedColumn = compared.analyzed().report().columns().get(name);
            assertThat(analyzedColumn.referenceCount()).isEqualTo(checkedColumn.referenceCount());
            assertThat(analyzedColumn.currentCount()).isEqualTo(checkedColumn.currentCount());
            assertThat(analyzedColumn.tests().keySet()).as(name).isEqualTo(checkedColumn.tests().keySet());
            for (TestVerdict checkedTest : everyTest(checkedColumn)) {
                TestVerdict analyzedTest = find(analyzedColumn, checkedTest.test());
                assertThat(analyzedTest.outcome().method()).as(name + " " + checkedTest.test()).isNotEqualTo(Method.SKETCH);
                assertThat(analyzedTest.outcome().statistic()).as(name + " " + checkedTest.test())
                        .isEqualTo(checkedTest.outcome().statistic());
                assertThat(analyzedTest.outcome().pValue()).isEqualTo(checkedTest.outcome().pValue());
                assertThat(analyzedTest.verdict()).isEqualTo(checkedTest.verdict());
            }
        });
        assertThat(compared.analyzed().judgement()).isEqualTo(compared.checked().judgement());
    }

    @Test
    void twentyFourHourlyWindowsMergedPastTheCapStayWithinTheirStatedBoundsOfCheckOnTheRawRows() throws Exception {
        Compared compared = compare(ProfiledRows.drawn(3, 20_000, 50_000, 0.5), 20,
                ProfiledRows.drawn(4, 24_000, 50_600, 0.46), 24);

        assertThat(compared.current().windows()).isEqualTo(24);
        assertThat(compared.current().records()).isEqualTo(24_000);
        int sketched = 0;
        int verdictsCompared = 0;
        for (Map.Entry<String, ColumnReport> entry : compared.checked().report().columns().entrySet()) {
            ColumnReport analyzedColumn = compared.analyzed().report().columns().get(entry.getKey());
            for (TestVerdict checkedTest : everyTest(entry.getValue())) {
                TestOutcome merged = find(analyzedColumn, checkedTest.test()).outcome();
                String what = entry.getKey() + " " + checkedTest.test();
                if (merged.method() == Method.SKETCH) {
                    sketched++;
                    ErrorBound bound = merged.bound();
                    assertThat(bound).as(what).isNotNull();
                    assertThat(checkedTest.outcome().statistic()).as(what + " within the merged sketch's bound")
                            .isBetween(bound.statisticLow(), bound.statisticHigh());
                } else {
                    assertThat(merged.statistic()).as(what).isCloseTo(checkedTest.outcome().statistic(), within(1e-12));
                }
                TestVerdict analyzedTest = find(analyzedColumn, checkedTest.test());
                if (analyzedTest.verdict() != Verdict.INCONCLUSIVE) {
                    verdictsCompared++;
                    assertThat(analyzedTest.verdict()).as(what).isEqualTo(checkedTest.verdict());
                }
            }
        }
        assertThat(sketched).as("tests that ran on the merged sketches").isPositive();
        assertThat(verdictsCompared).isPositive();
        assertThat(compared.analyzed().report().columns().get("region").tests().values())
                .allSatisfy(test -> assertThat(test.outcome().method()).isNotEqualTo(Method.SKETCH));
    }

    @Test
    void theMergedSketchKeepsTheRankErrorOfOneSketchHoweverManyWindowsWentIntoIt() throws Exception {
        Compared compared = compare(ProfiledRows.drawn(5, 5_000, 50_000, 0.5), 2,
                ProfiledRows.drawn(6, 48_000, 50_000, 0.5), 48);

        NumericProfile income = (NumericProfile) compared.current().profiles().get("income");
        assertThat(income.count()).isEqualTo(48_000);
        assertThat(income.normalizedRankError())
                .isEqualTo(NumericProfileConfig.defaults().normalizedRankError());
    }

    private static TestVerdict find(ColumnReport column, String test) {
        TestVerdict verdict = column.tests().get(test);
        return verdict != null ? verdict : column.informational().get(test);
    }
}
