package io.driftwatch.alerts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.driftwatch.alerts.mail.SmtpMailer;
import io.driftwatch.alerts.policy.AlertRouting;
import io.driftwatch.alerts.policy.PendingAlert;
import io.driftwatch.alerts.policy.SentAlerts;
import io.driftwatch.alerts.policy.SentAlertsException;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertSeverity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's part of the delivery promise: an email the SMTP server accepted is recorded as sent before
 * the next is mailed, so a crash repeats at most one email, and its offsets stay uncommitted until it is recorded.
 */
class AlertDispatcherTest {
    private static final Instant NOW = Instant.parse("2026-11-20T11:05:00Z");
    private GreenMail greenMail;

    @BeforeEach
    void startMail() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
    }

    @AfterEach
    void stopMail() {
        greenMail.stop();
    }

    private AlertDispatcher dispatcher(SentAlerts sent) {
        AlertsConfig config = config();
        return new AlertDispatcher(config, config.routing(), sent, new SmtpMailer(config.smtp()), new SimpleMeterRegistry(), null);
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private AlertDispatcher dispatcher(AlertRouting routing) {
        AlertsConfig config = config();
        return new AlertDispatcher(config, routing, new FailingSentAlerts(), new SmtpMailer(config.smtp()), meters, null);
    }

    private AlertsConfig config() {
        Map<String, Object> settings = Map.of(AlertsConfig.GROUP_MS_CONFIG, "0", AlertsConfig.TO_CONFIG, "oncall@example.test",
                AlertsConfig.SMTP_HOST_CONFIG, "127.0.0.1", AlertsConfig.SMTP_PORT_CONFIG, Integer.toString(greenMail.getSmtp().getPort()),
                AlertsConfig.SMTP_SECURITY_CONFIG, "none", AlertsConfig.RETRY_BACKOFF_MS_CONFIG, "1");
        return new AlertsConfig(settings, Map.of());
    }

    /** Each mailed message's recipients and alert ids. */
    private Map<String, List<String>> recipientsByAlertIds() throws jakarta.mail.MessagingException {
        Map<String, List<String>> recipients = new HashMap<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            recipients.put(message.getHeader("X-Driftwatch-Alert-Ids", ","), Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(Address::toString).toList());
        }
        return recipients;
    }

    @Test
    void eachModelsAlertsGoToItsOwnTeam() throws Exception {
        Map<String, AlertRouting.Route> routes = Map.of(
                "fraud", new AlertRouting.Route(List.of("fraud-ml@example.test"), AlertSeverity.INFO, 6),
                "credit", new AlertRouting.Route(List.of("credit-ml@example.test", "risk@example.test"), AlertSeverity.INFO, 6));
        AlertDispatcher dispatcher = dispatcher((model, version) -> routes.get(model));
        AlertEvent fraud = SampleAlerts.drift("fraud", "v3", 0, "age");
        AlertEvent credit = SampleAlerts.drift("credit", "2.1", 0, "income");
        dispatcher.accept(new PendingAlert(fraud, 0, 10), NOW);
        dispatcher.accept(new PendingAlert(credit, 0, 11), NOW);

        dispatcher.dispatchDue(NOW);

        assertThat(recipientsByAlertIds()).containsOnly(
                Map.entry(fraud.getAlertId(), List.of("fraud-ml@example.test")),
                Map.entry(credit.getAlertId(), List.of("credit-ml@example.test", "risk@example.test")));
    }

    @Test
    void aModelsRouteSetsItsRateLimitAndTheLeastSevereAlertItMails() throws Exception {
        Map<String, AlertRouting.Route> routes = Map.of(
                "fraud", new AlertRouting.Route(List.of("fraud-ml@example.test"), AlertSeverity.CRITICAL, 1),
                "credit", new AlertRouting.Route(List.of("credit-ml@example.test"), AlertSeverity.INFO, 3));
        AlertDispatcher dispatcher = dispatcher((model, version) -> routes.get(model));
        AlertEvent fraudWarning = SampleAlerts.drift("fraud", "v3", 0, "age");
        AlertEvent fraudCritical = withSeverity(SampleAlerts.drift("fraud", "v3", 1, "age"), AlertSeverity.CRITICAL);
        AlertEvent credit = SampleAlerts.drift("credit", "2.1", 0, "income");
        dispatcher.accept(new PendingAlert(fraudWarning, 0, 0), NOW);
        dispatcher.accept(new PendingAlert(fraudCritical, 0, 1), NOW);
        dispatcher.accept(new PendingAlert(credit, 0, 2), NOW);
        dispatcher.dispatchDue(NOW);
        AlertEvent fraudLater = withSeverity(SampleAlerts.drift("fraud", "v4", 2, "age"), AlertSeverity.CRITICAL);
        AlertEvent creditLater = SampleAlerts.drift("credit", "2.2", 1, "income");
        dispatcher.accept(new PendingAlert(fraudLater, 0, 3), NOW.plusSeconds(60));
        dispatcher.accept(new PendingAlert(creditLater, 0, 4), NOW.plusSeconds(60));

        dispatcher.dispatchDue(NOW.plusSeconds(60));

        assertThat(recipientsByAlertIds()).as("fraud: its warning dropped and one email an hour; credit: up to three")
                .containsOnlyKeys(fraudCritical.getAlertId(), credit.getAlertId(), creditLater.getAlertId());
        assertThat(dispatcher.lowestPendingOffset(0)).as("fraud's next email waits for the hour to pass").hasValue(3L);
        assertThat(meters.get("driftwatch.alerts.below.severity").tag("model", "fraud").counter().count())
                .as("the dropped warning is counted, not lost silently").isEqualTo(1.0);
    }

    private static AlertEvent withSeverity(AlertEvent alert, AlertSeverity severity) {
        return AlertEvent.newBuilder(alert).setSeverity(severity).build();
    }

    private List<String> mailedIds() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(message -> {
            try {
                return message.getHeader("X-Driftwatch-Alert-Ids", ",");
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    @Test
    void whenTheSentIdsCannotBeRecordedNothingElseIsMailedAndTheUnrecordedOffsetStaysUncommitted() {
        FailingSentAlerts sent = new FailingSentAlerts();
        AlertDispatcher dispatcher = dispatcher(sent);
        AlertEvent fraud = SampleAlerts.drift("fraud", "v3", 0, "age");
        AlertEvent churn = SampleAlerts.drift("churn", "v1", 0, "tenure");
        dispatcher.accept(new PendingAlert(fraud, 0, 10), NOW);
        dispatcher.accept(new PendingAlert(churn, 0, 11), NOW);
        sent.failing = true;

        dispatcher.dispatchDue(NOW);
        dispatcher.dispatchDue(NOW.plusSeconds(1));

        assertThat(mailedIds()).as("one email out, not recorded: the second waits").containsExactly(fraud.getAlertId());
        assertThat(dispatcher.lowestPendingOffset(0)).isEqualTo(OptionalLong.of(10));

        sent.failing = false;
        dispatcher.dispatchDue(NOW.plusSeconds(2));

        assertThat(mailedIds()).as("the first is recorded, not mailed again; then the second goes out")
                .containsExactly(fraud.getAlertId(), churn.getAlertId());
        assertThat(sent.recorded).containsExactlyInAnyOrder(fraud.getAlertId(), churn.getAlertId());
        assertThat(dispatcher.lowestPendingOffset(0)).isEmpty();
    }

    /** Sent ids in memory, whose writes fail while {@code failing} is set, as when the broker does not acknowledge them. */
    private static final class FailingSentAlerts implements SentAlerts {
        final Set<String> recorded = new HashSet<>();
        boolean failing;

        @Override
        public boolean contains(String alertId) {
            return recorded.contains(alertId);
        }

        @Override
        public void recordSent(Collection<String> alertIds) {
            if (failing) {
                throw new SentAlertsException("the broker did not acknowledge " + new ArrayList<>(alertIds), null);
            }
            recorded.addAll(alertIds);
        }
    }
}
