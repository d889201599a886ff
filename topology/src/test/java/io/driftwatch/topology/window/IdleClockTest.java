package io.driftwatch.topology.window;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class IdleClockTest {
    private static final long WALL = 1_000_000_000L;
    private static final long EVENT = 500_000L;
    private static final Duration IDLE = Duration.ofMinutes(15);

    @Test
    void runsOnFromTheLastRecordsEventTimeOnceQuietForTheIdleTime() {
        IdleClock clock = new IdleClock(IDLE, IdleMode.RUN_ON, Long.MIN_VALUE, WALL);
        clock.recordSeen(EVENT, 7_000L, WALL + 10);
        assertThat(clock.quietEventTimeMillis(WALL + 10 + IDLE.toMillis() - 1)).as("not quiet long enough").isEqualTo(Long.MIN_VALUE);
        assertThat(clock.quietEventTimeMillis(WALL + 10 + IDLE.toMillis())).isEqualTo(EVENT + IDLE.toMillis());
        assertThat(clock.quietEventTimeMillis(WALL + 10 + 3 * IDLE.toMillis())).isEqualTo(EVENT + 3 * IDLE.toMillis());
        assertThat(clock.quietTimestampMillis(WALL + 10 + IDLE.toMillis())).isEqualTo(7_000L + IDLE.toMillis());
    }

    @Test
    void aRecordMakesThePartitionBusyAgain() {
        IdleClock clock = new IdleClock(IDLE, IdleMode.RUN_ON, EVENT, WALL);
        long quietAt = WALL + 2 * IDLE.toMillis();
        assertThat(clock.quietEventTimeMillis(quietAt)).as("resumed after a restart").isEqualTo(EVENT + 2 * IDLE.toMillis());
        clock.recordSeen(EVENT + 2 * IDLE.toMillis(), 0L, quietAt);
        assertThat(clock.quietEventTimeMillis(quietAt + 1_000)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void neverRunsOnBeforeAnyRecordOrWhenOff() {
        assertThat(new IdleClock(IDLE, IdleMode.RUN_ON, Long.MIN_VALUE, WALL).quietEventTimeMillis(WALL + 10 * IDLE.toMillis())).isEqualTo(Long.MIN_VALUE);
        IdleClock off = new IdleClock(Duration.ZERO, IdleMode.RUN_ON, EVENT, WALL);
        assertThat(off.enabled()).isFalse();
        assertThat(off.quietEventTimeMillis(WALL + 10 * IDLE.toMillis())).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void checksWithinAQuarterOfTheIdleTimeButNotMoreOftenThanEverySecondNorRarelierThanEveryMinute() {
        assertThat(new IdleClock(IDLE, IdleMode.RUN_ON, EVENT, WALL).checkInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(new IdleClock(Duration.ofMinutes(2), IdleMode.RUN_ON, EVENT, WALL).checkInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new IdleClock(Duration.ofMillis(100), IdleMode.RUN_ON, EVENT, WALL).checkInterval()).isEqualTo(Duration.ofSeconds(1));
    }
}
