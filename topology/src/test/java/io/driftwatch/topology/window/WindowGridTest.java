package io.driftwatch.topology.window;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WindowGridTest {
    private static final WindowShape TEN_MINUTES = new WindowShape(Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ZERO);
    private static final WindowShape HOURLY_FROM_QUARTER_PAST = new WindowShape(Duration.ofHours(1), Duration.ZERO,
            Duration.ofMinutes(15));

    private static long at(String time) {
        return Instant.parse("2026-12-07T" + time + "Z").toEpochMilli();
    }

    private static WindowGrid.Span span(String start, String end, long closeAt) {
        return new WindowGrid.Span(at(start), at(end), closeAt);
    }

    @Test
    void anOffsetMovesEveryWindowStartByItAndTheGraceMovesItsCloseTime() {
        WindowGrid grid = WindowGrid.of(HOURLY_FROM_QUARTER_PAST);

        assertThat(grid.spanOf(at("10:14:59"))).isEqualTo(span("09:15:00", "10:15:00", at("10:15:00")));
        assertThat(grid.spanOf(at("10:15:00"))).isEqualTo(span("10:15:00", "11:15:00", at("11:15:00")));
        assertThat(WindowGrid.of(TEN_MINUTES).spanOf(at("10:15:00"))).isEqualTo(span("10:10:00", "10:20:00", at("10:21:00")));
    }

    @Test
    void aNewShapeTakesOverAtTheFirstBoundaryAfterItsPolicyWasPublishedAndItsFirstWindowStartsThere() {
        WindowGrid grid = WindowGrid.of(TEN_MINUTES);
        grid.placed(at("10:24:00"));

        assertThat(grid.change(HOURLY_FROM_QUARTER_PAST, at("10:25:00"))).isEqualTo(WindowGrid.Change.AT_BOUNDARY);

        assertThat(grid.spanOf(at("10:29:59"))).as("the last ten-minute window stays whole")
                .isEqualTo(span("10:20:00", "10:30:00", at("10:31:00")));
        assertThat(grid.spanOf(at("10:30:00"))).as("the first hourly window starts at the switch, short of an hour")
                .isEqualTo(span("10:30:00", "11:15:00", at("11:15:00")));
        assertThat(grid.spanOf(at("11:15:00"))).isEqualTo(span("11:15:00", "12:15:00", at("12:15:00")));
    }

    @Test
    void theWindowsAroundAChangeCoverEveryInstantOnceWithoutGapOrOverlap() {
        WindowGrid grid = WindowGrid.of(TEN_MINUTES);
        grid.change(HOURLY_FROM_QUARTER_PAST, at("10:25:00"));
        grid.change(TEN_MINUTES, at("11:40:00"));

        List<WindowGrid.Span> spans = new ArrayList<>();
        for (long time = at("09:00:00"); time < at("14:00:00"); time += 1_000) {
            WindowGrid.Span span = grid.spanOf(time);
            assertThat(time).isBetween(span.startMillis(), span.endMillis() - 1);
            if (spans.isEmpty() || !spans.get(spans.size() - 1).equals(span)) {
                spans.add(span);
            }
        }
        for (int i = 1; i < spans.size(); i++) {
            assertThat(spans.get(i).startMillis()).isEqualTo(spans.get(i - 1).endMillis());
        }
        assertThat(spans).extracting(WindowGrid.Span::startMillis).contains(at("10:20:00"), at("10:30:00"), at("11:15:00"),
                at("12:15:00"), at("12:20:00")).doesNotContain(at("10:15:00"), at("12:10:00"));
    }

    @Test
    void partitionsThatLearnOfAPolicyAtDifferentTimesSwitchAtTheSameBoundary() {
        WindowGrid early = WindowGrid.of(TEN_MINUTES);
        WindowGrid late = WindowGrid.of(TEN_MINUTES);
        early.placed(at("10:25:30"));
        late.placed(at("10:28:10"));

        early.change(HOURLY_FROM_QUARTER_PAST, at("10:25:00"));
        late.change(HOURLY_FROM_QUARTER_PAST, at("10:25:00"));

        for (String time : List.of("10:29:00", "10:30:00", "11:00:00", "11:20:00")) {
            assertThat(late.spanOf(at(time))).isEqualTo(early.spanOf(at(time)));
        }
    }

    @Test
    void aPartitionThatPlacedRecordsPastTheBoundaryBeforeLearningSwitchesAfterThemAndSaysSo() {
        WindowGrid grid = WindowGrid.of(TEN_MINUTES);
        grid.placed(at("10:31:00"));

        assertThat(grid.change(HOURLY_FROM_QUARTER_PAST, at("10:25:00"))).isEqualTo(WindowGrid.Change.LATE);

        assertThat(grid.spanOf(at("10:39:59"))).as("the window holding its records keeps its shape")
                .isEqualTo(span("10:30:00", "10:40:00", at("10:41:00")));
        assertThat(grid.spanOf(at("10:40:00"))).isEqualTo(span("10:40:00", "11:15:00", at("11:15:00")));
    }

    @Test
    void theSameShapeAgainChangesNothingAndAQuickSecondChangeFollowsTheFirstAtItsOwnBoundary() {
        WindowGrid grid = WindowGrid.of(TEN_MINUTES);
        assertThat(grid.change(TEN_MINUTES, at("10:25:00"))).isEqualTo(WindowGrid.Change.NONE);

        grid.change(HOURLY_FROM_QUARTER_PAST, at("10:25:00"));
        WindowShape daily = new WindowShape(Duration.ofDays(1), Duration.ZERO, Duration.ZERO);
        grid.change(daily, at("10:26:00"));

        long midnight = Instant.parse("2026-12-08T00:00:00Z").toEpochMilli();
        assertThat(grid.current()).isEqualTo(daily);
        assertThat(grid.spanOf(at("10:30:00"))).as("the hourly shape takes over at 10:30, the daily one at the hourly boundary after its publication")
                .isEqualTo(span("10:30:00", "11:15:00", at("11:15:00")));
        assertThat(grid.spanOf(at("11:15:00"))).isEqualTo(new WindowGrid.Span(at("11:15:00"), midnight, midnight));
    }

    @Test
    void aGridSurvivesTheStateStoreWithItsHistory() {
        WindowGrid grid = WindowGrid.of(TEN_MINUTES);
        grid.placed(at("10:24:00"));
        grid.change(HOURLY_FROM_QUARTER_PAST, at("10:25:00"));

        WindowGrid read = WindowGrid.CODEC.fromBytes(WindowGrid.CODEC.toBytes(grid));

        assertThat(read.current()).isEqualTo(HOURLY_FROM_QUARTER_PAST);
        assertThat(read.spanOf(at("10:29:00"))).isEqualTo(grid.spanOf(at("10:29:00")));
        assertThat(read.spanOf(at("10:31:00"))).isEqualTo(grid.spanOf(at("10:31:00")));
        assertThat(read.change(TEN_MINUTES, at("10:20:00"))).as("what it had placed came along").isEqualTo(WindowGrid.Change.AT_BOUNDARY);
    }
}
