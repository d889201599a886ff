package io.driftwatch.alerts.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpiringIdsTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void anIdIsRememberedForTheRetentionAndForgottenAfterIt() {
        ExpiringIds ids = new ExpiringIds(DAY);
        ids.remember("a", NOW, NOW);
        ids.remember("b", NOW.plusSeconds(3600), NOW.plusSeconds(3600));

        assertThat(ids.forgetExpired(NOW.plus(DAY))).as("exactly one day old is still kept").isZero();
        assertThat(ids.contains("a")).isTrue();
        assertThat(ids.forgetExpired(NOW.plus(DAY).plusMillis(1))).isEqualTo(1);
        assertThat(ids.contains("a")).isFalse();
        assertThat(ids.contains("b")).isTrue();
        assertThat(ids.size()).isEqualTo(1);
    }

    @Test
    void theSetStaysBoundedByOneRetentionOfMailedIds() {
        ExpiringIds ids = new ExpiringIds(DAY);
        Instant now = NOW;
        for (int hour = 0; hour < 24 * 30; hour++) {
            now = NOW.plus(Duration.ofHours(hour));
            ids.remember("alert-" + hour, now, now);
            ids.forgetExpired(now);
        }
        assertThat(ids.size()).as("ids of the last 24 hours and the one exactly a day old").isEqualTo(25);
        assertThat(ids.contains("alert-" + (24 * 30 - 1))).isTrue();
        assertThat(ids.contains("alert-" + (24 * 30 - 26))).isFalse();
    }

    @Test
    void anIdAlreadyPastTheRetentionWhenReadBackIsNotRemembered() {
        ExpiringIds ids = new ExpiringIds(DAY);
        ids.remember("old", NOW.minus(DAY).minusSeconds(1), NOW);
        ids.remember("recent", NOW.minusSeconds(1), NOW);

        assertThat(ids.contains("old")).isFalse();
        assertThat(ids.contains("recent")).isTrue();
    }

    @Test
    void rememberingAnIdAgainKeepsItFromItsLatestMailing() {
        ExpiringIds ids = new ExpiringIds(DAY);
        ids.remember("a", NOW, NOW);
        ids.remember("b", NOW.plusSeconds(10), NOW.plusSeconds(10));
        ids.remember("a", NOW.plusSeconds(20), NOW.plusSeconds(20));

        ids.forgetExpired(NOW.plus(DAY).plusSeconds(15));

        assertThat(ids.contains("a")).isTrue();
        assertThat(ids.contains("b")).isFalse();
    }

    @Test
    void aRetentionThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new ExpiringIds(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }
}
