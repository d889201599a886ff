package io.driftwatch.cli.topic;

import io.driftwatch.cli.BadInputException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpanTimeTest {
    private static final Instant NOW = Instant.parse("2026-12-07T14:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void anInstantOrADateIsTakenAsUtc() throws BadInputException {
        assertThat(SpanTime.parse("--from", "2026-11-01T06:30:00Z", clock)).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
        assertThat(SpanTime.parse("--from", "2026-11-01", clock)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void aDurationIsThatLongBeforeNow() throws BadInputException {
        assertThat(SpanTime.parse("--from", "7d", clock)).isEqualTo(Instant.parse("2026-11-30T14:00:00Z"));
        assertThat(SpanTime.parse("--from", "12h", clock)).isEqualTo(Instant.parse("2026-12-07T02:00:00Z"));
        assertThat(SpanTime.parse("--from", "2w", clock)).isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
        assertThat(SpanTime.parse("--from", "P30D", clock)).isEqualTo(Instant.parse("2026-11-07T14:00:00Z"));
        assertThat(SpanTime.parse("--to", "now", clock)).isEqualTo(NOW);
    }

    @Test
    void anythingElseIsRefusedNamingTheOptionAndTheFormsItTakes() {
        assertThatThrownBy(() -> SpanTime.parse("--against-from", "last month", clock))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("--against-from last month: give an ISO-8601 instant")
                .hasMessageContaining("7d");
    }
}
