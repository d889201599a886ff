package io.driftwatch.alerts.policy;

import io.driftwatch.alerts.SampleAlerts;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertGrouperTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private static PendingAlert pending(String model, String version, int window, long offset) {
        return new PendingAlert(SampleAlerts.drift(model, version, window, "age"), 0, offset);
    }

    @Test
    void alertsOfOneModelVersionWithinTheGroupTimeBecomeOneGroupDueWhenTheTimeIsUp() {
        AlertGrouper grouper = new AlertGrouper(FIVE_MINUTES);
        grouper.add(pending("fraud", "v3", 0, 10), NOW);
        grouper.add(pending("fraud", "v3", 1, 11), NOW.plusSeconds(60));
        grouper.add(pending("fraud", "v4", 1, 12), NOW.plusSeconds(90));
        grouper.add(pending("fraud", "v3", 1, 13), NOW.plusSeconds(120));

        assertThat(grouper.takeDue(NOW.plusSeconds(299), (model, version) -> true)).isEmpty();
        List<AlertGroup> due = grouper.takeDue(NOW.plusSeconds(300), (model, version) -> true);

        assertThat(due).hasSize(1);
        assertThat(due.get(0).version()).isEqualTo("v3");
        assertThat(due.get(0).alerts()).extracting(PendingAlert::offset).containsExactly(10L, 11L);
        assertThat(grouper.lowestPendingOffset(0)).hasValue(12L);
    }

    @Test
    void aGroupHeldBackByTheRateLimitKeepsGatheringAndGoesOutWhole() {
        AlertGrouper grouper = new AlertGrouper(FIVE_MINUTES);
        RateLimit limit = new RateLimit();
        limit.recordSent("fraud", NOW);
        grouper.add(pending("fraud", "v3", 0, 1), NOW);
        grouper.add(pending("fraud", "v3", 1, 2), NOW.plus(Duration.ofMinutes(30)));

        Instant early = NOW.plus(Duration.ofMinutes(40));
        assertThat(grouper.takeDue(early, (model, version) -> limit.permits(model, 1, early))).isEmpty();
        Instant later = NOW.plus(Duration.ofMinutes(61));
        List<AlertGroup> due = grouper.takeDue(later, (model, version) -> limit.permits(model, 1, later));

        assertThat(due).singleElement().extracting(AlertGroup::alertIds, InstanceOfAssertFactories.LIST).hasSize(2);
        assertThat(grouper.pendingAlerts()).isZero();
        assertThat(grouper.lowestPendingOffset(0)).isEmpty();
    }

    @Test
    void aGroupPutBackAfterAFailedSendTakesInWhatArrivedMeanwhileOnce() {
        AlertGrouper grouper = new AlertGrouper(Duration.ZERO);
        grouper.add(pending("fraud", "v3", 0, 1), NOW);
        AlertGroup taken = grouper.takeDue(NOW, (model, version) -> true).get(0);
        grouper.add(pending("fraud", "v3", 1, 2), NOW.plusSeconds(1));
        grouper.add(pending("fraud", "v3", 0, 1), NOW.plusSeconds(1));

        grouper.restore(taken);

        List<AlertGroup> due = grouper.takeDue(NOW.plusSeconds(2), (model, version) -> true);
        assertThat(due).singleElement().satisfies(group -> {
            assertThat(group.alerts()).extracting(PendingAlert::offset).containsExactly(1L, 2L);
            assertThat(group.openedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(List.of(backoff.after(1), backoff.after(2), backoff.after(3), backoff.after(4), backoff.after(60)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }
}
