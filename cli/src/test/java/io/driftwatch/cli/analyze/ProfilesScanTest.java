package io.driftwatch.cli.analyze;

import io.driftwatch.schemas.record.WindowProfile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilesScanTest {
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private static ProfilesScan scan(Instant from, Instant to, List<WindowProfile> topic) {
        ProfilesScan scan = new ProfilesScan(ProfiledRows.MODEL, ProfiledRows.VERSION,
                new MergedSpan(new Span("current", from, to)), null);
        topic.forEach(scan::accept);
        return scan;
    }

    @Test
    void onlyWindowsWhollyInsideTheSpanOfTheModelVersionAreMerged() {
        List<WindowProfile> topic = ProfiledRows.drawn(1, 400, 50_000, 0.5).windows(START, 4);
        topic.addAll(new ProfiledRows(List.of(1.0), List.of("north"), List.of(0.5)).windows(START, 1).stream()
                .map(record -> WindowProfile.newBuilder(record).setModelVersion("8").build()).toList());

        ProfilesScan scan = scan(START.plusSeconds(1800), START.plus(ProfiledRows.HOUR.multipliedBy(4)), topic);

        assertThat(scan.current().windows()).isEqualTo(3);
        assertThat(scan.current().records()).isEqualTo(300);
        assertThat(scan.current().profiles().get("income").count()).isEqualTo(300);
        assertThat(scan.coverageNote(scan.current())).isEmpty();
    }

    @Test
    void aWindowWrittenTwiceIsMergedOnce() {
        List<WindowProfile> topic = ProfiledRows.drawn(2, 200, 50_000, 0.5).windows(START, 2);
        topic.addAll(List.copyOf(topic));

        ProfilesScan scan = scan(START, START.plus(ProfiledRows.HOUR.multipliedBy(2)), topic);

        assertThat(scan.current().windows()).isEqualTo(2);
        assertThat(scan.current().profiles().get("region").count()).isEqualTo(200);
    }

    @Test
    void aSpanReachingPastTheOldestWindowSaysWhereTheTopicNowStarts() {
        ProfilesScan scan = scan(START.minus(ProfiledRows.HOUR.multipliedBy(24)), START.plus(ProfiledRows.HOUR),
                ProfiledRows.drawn(3, 100, 50_000, 0.5).windows(START, 1));

        assertThat(scan.coverageNote(scan.current())).hasValueSatisfying(note -> assertThat(note)
                .contains("reaches before the oldest window still on the profiles topic, which starts at 2026-11-01T00:00:00Z"));
    }

    @Test
    void aSpanWithNoWindowSaysSoWithTheOldestWindowStillThere() {
        ProfilesScan scan = scan(START.minus(ProfiledRows.HOUR.multipliedBy(48)), START.minus(ProfiledRows.HOUR.multipliedBy(24)),
                ProfiledRows.drawn(4, 100, 50_000, 0.5).windows(START, 1));

        assertThat(scan.current().windows()).isZero();
        assertThat(scan.coverageNote(scan.current())).hasValueSatisfying(note -> assertThat(note)
                .contains("has no window of model credit version 7").contains("the oldest window still there starts at"
                        + " 2026-11-01T00:00:00Z"));
    }
}
