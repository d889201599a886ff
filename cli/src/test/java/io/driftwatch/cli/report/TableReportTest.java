package io.driftwatch.cli.report;

import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.InformingTests;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.golden.GoldenCases;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TableReportTest {
    private static String render(DriftComparison report) {
        return TableReport.render(report, DatasetJudgement.of(report, 15_000, 20), "train.csv", "today.csv");
    }

    @Test
    void informationalTestsFollowTheirColumnOnRowsMarkedAsInformingAndSayWhatTheyWouldDecide() {
        DriftComparison report = InformingReports.compare(GoldenCases.load("normal_scale_large"),
                InformingReports.LENIENT_WASSERSTEIN);

        String[] lines = render(report).split("\n");

        assertThat(lines[0]).startsWith("No dataset drift: 0 of 1 columns drifted");
        int wasserstein = indexOf(lines, "x       numeric  wasserstein");
        assertThat(lines[wasserstein]).endsWith("statistic >= 0.5  no drift");
        assertThat(lines[wasserstein + 1]).matches(" +ks \\(informs\\) +0\\.0520 +1\\.352e-20 +asymptotic +p <= 0\\.05 +would say DRIFT");
        assertThat(lines[wasserstein + 2]).matches(" +psi \\(informs\\) +0\\.0487 +- +exact +statistic >= 0\\.1 +would say no drift");
        assertThat(lines[wasserstein + 3]).isEqualTo(
                "(informs): shown beside the deciding test; it changes no verdict and not the exit code.");
    }

    @Test
    void aReportWithoutInformationalTestsHasNoInformingRowsAndNoNote() {
        DriftComparison report = InformingReports.compare(GoldenCases.load("normal_scale_large"),
                InformingReports.LENIENT_WASSERSTEIN.withInformingTests(InformingTests.NONE));

        assertThat(render(report)).doesNotContain("informs");
    }

    @Test
    void aCalibratedThresholdIsShownToSixSignificantDigitsInTheTableAndInFullInJson() {
        ComparisonSettings calibrated = new ComparisonSettings(TestOptions.DEFAULT, List.of(), Map.of(),
                Map.of("wasserstein", 0.11735744809869139), Map.of(), DriftDefaults.DATASET_DRIFT_SHARE,
                DriftDefaults.MISSING_RATE_JUMP);
        DriftComparison report = InformingReports.compare(GoldenCases.load("normal_scale_large"), calibrated);

        assertThat(render(report)).contains("statistic >= 0.117357  ").doesNotContain("0.11735744809869139");
        assertThat(report.columns().get("x").tests().get("wasserstein").threshold().describe())
                .isEqualTo("statistic >= 0.11735744809869139");
    }

    private static int indexOf(String[] lines, String prefix) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with '" + prefix + "'");
    }
}
