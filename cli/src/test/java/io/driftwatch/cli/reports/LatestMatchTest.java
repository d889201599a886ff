package io.driftwatch.cli.reports;

import io.driftwatch.schemas.record.DriftReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatestMatchTest {

    @Test
    void keepsTheCountTheModelVersionsAndTheLatestWindowWithoutHoldingEveryReport() {
        LatestMatch<DriftReport> matched = new LatestMatch<>(new DriftReports());

        matched.accept(ReportRecords.drift("credit", 3));
        matched.accept(ReportRecords.drift("fraud", 1));
        matched.accept(ReportRecords.drift("credit", 2));

        assertThat(matched.count()).isEqualTo(3);
        assertThat(matched.versions()).containsExactly("credit v7", "fraud v7");
        assertThat(matched.latest()).isNotNull();
        assertThat(matched.latest().getReportId()).isEqualTo("drift-credit-3");
    }

    @Test
    void theLaterWriteOfTheSameWindowWinsAndNothingMatchedLeavesNoLatest() {
        LatestMatch<DriftReport> matched = new LatestMatch<>(new DriftReports());
        assertThat(matched.latest()).isNull();
        DriftReport rewritten = ReportRecords.drift("credit", 2);
        rewritten.setReportId("rewritten");

        matched.accept(ReportRecords.drift("credit", 2));
        matched.accept(rewritten);

        assertThat(matched.latest().getReportId()).isEqualTo("rewritten");
    }
}
