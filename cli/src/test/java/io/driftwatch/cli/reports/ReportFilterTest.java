package io.driftwatch.cli.reports;

import io.driftwatch.cli.BadInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportFilterTest {
    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private final DriftReports drift = new DriftReports();

    @Test
    void modelAndVersionKeepOnlyThatModelsReports() {
        ReportFilter credit = new ReportFilter("credit", null, null, null);

        assertThat(credit.accepts(drift, ReportRecords.drift("credit", 0))).isTrue();
        assertThat(credit.accepts(drift, ReportRecords.drift("fraud", 0))).isFalse();
        assertThat(new ReportFilter("credit", "v8", null, null).accepts(drift, ReportRecords.drift("credit", 0))).isFalse();
    }

    @Test
    void sinceIsInclusiveAndUntilExclusiveOnTheWindowStart() {
        ReportFilter secondWindow = new ReportFilter(null, null, ReportRecords.start(1), ReportRecords.start(2));

        assertThat(secondWindow.accepts(drift, ReportRecords.drift("credit", 0))).isFalse();
        assertThat(secondWindow.accepts(drift, ReportRecords.drift("credit", 1))).isTrue();
        assertThat(secondWindow.accepts(drift, ReportRecords.drift("credit", 2))).isFalse();
    }

    @Test
    void aTimeIsAnIsoInstantOrADurationBackFromNow() throws BadInputException {
        assertThat(TimeBound.parse("--since", "2026-12-07T10:00:00Z", NOW)).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(TimeBound.parse("--since", "24h", NOW)).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(TimeBound.parse("--since", "7d", NOW)).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void aTimeThatIsNeitherSaysWhichOptionAndBothForms() {
        assertThatThrownBy(() -> TimeBound.parse("--until", "yesterday", NOW)).isInstanceOf(BadInputException.class)
                .hasMessage("--until yesterday is neither an instant nor a duration: give an ISO-8601 UTC instant such as"
                        + " 2026-12-07T10:00:00Z, or a duration back from now such as 24h or 7d");
    }
}
