package io.driftwatch.cli.report;

import io.driftwatch.stats.compare.DatasetJudgement;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.InformingTests;
import io.driftwatch.stats.golden.GoldenCases;
import org.junit.jupiter.api.Test;

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

    private static int indexOf(String[] lines, String prefix) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with '" + prefix + "'");
    }
}
