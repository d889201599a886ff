package io.driftwatch.alerts;

import io.driftwatch.alerts.mail.AlertEmail;
import io.driftwatch.alerts.mail.AlertEmailRenderer;
import io.driftwatch.alerts.mail.DeliveryException;
import io.driftwatch.alerts.mail.EmailFiles;
import io.driftwatch.alerts.mail.SmtpMailer;
import io.driftwatch.alerts.policy.AlertGroup;
import io.driftwatch.alerts.policy.AlertGrouper;
import io.driftwatch.alerts.policy.AlertRouting;
import io.driftwatch.alerts.policy.Backoff;
import io.driftwatch.alerts.policy.PendingAlert;
import io.driftwatch.alerts.policy.RateLimit;
import io.driftwatch.alerts.policy.RetrySchedule;
import io.driftwatch.alerts.policy.SentAlerts;
import io.driftwatch.alerts.policy.SentAlertsException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Decides what to mail now and mails it, each model version by its {@link AlertRouting.Route}: an alert less
 * severe than its route's minimum is dropped unmailed, the others go into {@link AlertGrouper}; a due group whose
 * model is within its route's {@link RateLimit} is rendered, sent to the route's recipients, and its ids recorded in {@link SentAlerts} before its
 * offsets count as done. A failed send puts the group back (nothing is lost) and waits per the
 * {@link RetrySchedule}; a permanent failure waits the longest backoff and is logged at ERROR with the
 * setting to fix. Counts what it does in {@code driftwatch.alerts.*} meters. Time is passed in. Not
 * thread-safe: owned by the consumer loop.
 */
final class AlertDispatcher {
    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private final AlertGrouper grouper;
    private final AlertRouting routing;
    private final RateLimit rateLimit = new RateLimit();
    private final RetrySchedule retries;
    private final Backoff backoff;
    private final SentAlerts sent;
    private final AlertEmailRenderer renderer;
    private final SmtpMailer mailer;
    private final @Nullable Path saveDirectory;
    private final MeterRegistry meters;
    private final Counter duplicates;
    private final List<PendingAlert> sentNotRecorded = new ArrayList<>();

    AlertDispatcher(AlertsConfig config, AlertRouting routing, SentAlerts sent, SmtpMailer mailer, MeterRegistry meters,
                    @Nullable Path saveDirectory) {
        this.grouper = new AlertGrouper(config.groupTime());
        this.routing = requireNonNull(routing, "routing");
        this.backoff = config.backoff();
        this.retries = new RetrySchedule(backoff);
        this.sent = requireNonNull(sent, "sent");
        this.renderer = new AlertEmailRenderer(config.render());
        this.mailer = requireNonNull(mailer, "mailer");
        this.meters = requireNonNull(meters, "meters");
        this.saveDirectory = saveDirectory;
        this.duplicates = Counter.builder("driftwatch.alerts.duplicates").description("Alert events skipped because their id was already mailed.")
                .register(meters);
        Gauge.builder("driftwatch.alerts.pending", grouper, AlertGrouper::pendingAlerts)
                .description("Alert events read and not yet mailed (grouping, rate limit or SMTP retry).").register(meters);
    }

    /** Takes an alert read from the topic; an id already mailed, or one below its route's severity, is skipped. */
    void accept(PendingAlert alert, Instant now) {
        if (sent.contains(alert.alertId())) {
            duplicates.increment();
            return;
        }
        AlertRouting.Route route = routing.route(alert.event().getModelName(), alert.event().getModelVersion());
        if (!route.mails(alert.event().getSeverity())) {
            Counter.builder("driftwatch.alerts.below.severity")
                    .description("Alert events not mailed because they are less severe than their model's route asks.")
                    .tag("model", alert.event().getModelName()).register(meters).increment();
            log.debug("alert {} of {} {} is {}, below its route's minimum {}: not mailed", alert.alertId(),
                    alert.event().getModelName(), alert.event().getModelVersion(), alert.event().getSeverity(), route.minSeverity());
            return;
        }
        grouper.add(alert, now);
    }

    /** Mails every group that is due and allowed, unless SMTP is in its backoff. */
    void dispatchDue(Instant now) {
        if (!recordPending() || !retries.mayAttempt(now)) {
            return;
        }
        List<AlertGroup> due = new ArrayList<>(grouper.takeDue(now,
                (model, version) -> rateLimit.permits(model, routing.route(model, version).ratePerHour(), now)));
        while (!due.isEmpty()) {
            AlertGroup group = due.remove(0);
            List<PendingAlert> unsent = group.alerts().stream().filter(alert -> !sent.contains(alert.alertId())).toList();
            if (unsent.isEmpty()) {
                continue;
            }
            AlertGroup toSend = new AlertGroup(group.model(), group.version(), group.openedAt(), unsent);
            if (!send(toSend, now)) {
                grouper.restore(toSend);
                due.forEach(grouper::restore);
                return;
            }
            rateLimit.recordSent(group.model(), now);
            sentNotRecorded.addAll(unsent);
            if (!recordPending()) {
                due.forEach(grouper::restore);
                return;
            }
        }
    }

    private boolean send(AlertGroup group, Instant now) {
        AlertEmail email = renderer.render(group);
        List<String> recipients = routing.route(group.model(), group.version()).to();
        try {
            int rejected = mailer.send(email, recipients, group.alertIds(), now);
            retries.succeeded();
            Counter.builder("driftwatch.alerts.emails.sent").description("Alert emails the SMTP server accepted.")
                    .tag("model", group.model()).register(meters).increment();
            if (rejected > 0) {
                log.error("the SMTP server rejected {} recipient(s) of the alert email for {} {}; check the model's recipients"
                                + " (driftwatch.alerts.to, or its policy)",
                        rejected, group.model(), group.version());
                failure("recipient", true);
            }
            save(group, email, recipients, now);
            return true;
        } catch (DeliveryException e) {
            failure(e.reason().tag(), e.permanent());
            if (e.permanent()) {
                retries.failedPermanently(now);
                log.error("cannot mail the alert for {} {} ({}): {}; retrying every {} until it goes out", group.model(),
                        group.version(), e.reason().tag(), e.getMessage(), backoff.max());
            } else {
                Instant next = retries.failed(now);
                log.warn("cannot mail the alert for {} {} ({}): {}; attempt {} failed, next at {}", group.model(), group.version(),
                        e.reason().tag(), e.getMessage(), retries.consecutiveFailures(), next);
            }
            return false;
        }
    }

    private void failure(String reason, boolean permanent) {
        Counter.builder("driftwatch.alerts.delivery.failures")
                .description("Failed attempts to mail an alert; permanent=true means a setting must be fixed.")
                .tag("reason", reason).tag("permanent", Boolean.toString(permanent)).register(meters).increment();
    }

    // Mailed but not yet durable as sent: retried before anything else is mailed, and their offsets stay
    // uncommitted, so a crash now repeats the email rather than losing the record of it.
    private boolean recordPending() {
        if (sentNotRecorded.isEmpty()) {
            return true;
        }
        try {
            sent.recordSent(sentNotRecorded.stream().map(PendingAlert::alertId).toList());
            sentNotRecorded.clear();
            return true;
        } catch (SentAlertsException e) {
            log.error("mailed {} alert(s) but cannot record them as sent; retrying, and a restart now would mail them again",
                    sentNotRecorded.size(), e);
            return false;
        }
    }

    private void save(AlertGroup group, AlertEmail email, List<String> recipients, Instant now) {
        if (saveDirectory == null) {
            return;
        }
        String name = (group.model() + "-" + group.version() + "-" + now.toEpochMilli()).replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            EmailFiles.save(saveDirectory, name, email, mailer.message(email, recipients, group.alertIds(), now));
        } catch (IOException | MessagingException e) {
            log.warn("cannot save the alert email as files in {}: {}", saveDirectory, e.getMessage());
        }
    }

    /** The lowest offset of {@code partition} not yet mailed and recorded; empty when there is none. */
    OptionalLong lowestPendingOffset(int partition) {
        OptionalLong grouped = grouper.lowestPendingOffset(partition);
        OptionalLong unrecorded = sentNotRecorded.stream().filter(alert -> alert.partition() == partition)
                .mapToLong(PendingAlert::offset).min();
        if (grouped.isPresent() && unrecorded.isPresent()) {
            return OptionalLong.of(Math.min(grouped.getAsLong(), unrecorded.getAsLong()));
        }
        return grouped.isPresent() ? grouped : unrecorded;
    }

    void dropPartitions(Collection<Integer> partitions) {
        grouper.dropPartitions(partitions);
    }
}
