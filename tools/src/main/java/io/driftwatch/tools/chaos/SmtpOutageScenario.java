package io.driftwatch.tools.chaos;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.topology.config.DriftwatchConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The alerts process's promise across an SMTP outage: while the server refuses connections, alerts wait
 * (uncommitted, retried with backoff) and the process stays up; when it is back, every alert is mailed exactly
 * once, those of the outage within a few retry intervals.
 */
final class SmtpOutageScenario implements ChaosScenario {
    // How long a scenario waits for the next email before it calls delivery stuck.
    private static final Duration NEXT_EMAIL_WITHIN = Duration.ofSeconds(60);
    // Long enough for a repeat, were there one, to arrive after the last first email.
    private static final Duration SETTLE = Duration.ofSeconds(3);
    // Rendering and one SMTP conversation on a busy machine, after the backoff has run out.
    private static final Duration FIRST_EMAIL_MARGIN = Duration.ofSeconds(5);
    private static final String REFUSED_LOG_LINE = "cannot connect to the SMTP server";

    @Override
    public String name() {
        return "smtp-outage";
    }

    @Override
    public String summary() {
        return "SMTP down for a while, then back: the alerts process stays up and mails every alert exactly once";
    }

    @Override
    public void run(ChaosRun run) throws Exception {
        int before = run.size(3, 10);
        int during = run.size(6, 40);
        int after = run.size(3, 10);
        Duration outage = Duration.ofSeconds(run.size(20, 120));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(); MailCatcher smtp = MailCatcher.start()) {
            RunSettings settings = AlertsSettings.of(broker.bootstrapServers(), name(), smtp.port());
            Path config = settings.write(run.directory());
            Path log = run.directory().resolve("alerts.log");
            boolean stayedUp;
            Duration firstMailedIn;
            List<String> alertIds;
            try (AlertTraffic traffic = AlertTraffic.to(broker.bootstrapServers(), settings.topic(DriftwatchConfig.ALERTS_TOPIC_CONFIG));
                 ChildJvm alerts = ChildJvm.start(256, log, "alerts", "--config", config.toString())) {
                stayedUp = sendOneByOne(traffic, before, Duration.ZERO, alerts);
                Duration took = MailedAlerts.awaitAll(smtp, traffic.alertIds(), NEXT_EMAIL_WITHIN);
                run.did("started the alerts process (a child JVM) and committed %d alerts while SMTP was up: all mailed in %d s",
                        before, took.toSeconds());

                smtp.down();
                stayedUp &= sendOneByOne(traffic, during, outage.dividedBy(during), alerts);
                run.did("took SMTP down on port %d for %d s and committed %d alerts meanwhile, one every %d ms", smtp.port(),
                        outage.toSeconds(), during, outage.dividedBy(during).toMillis());
                int mailedBeforeReturn = MailedAlerts.in(smtp).emails();
                smtp.up();
                long back = System.nanoTime();
                firstMailedIn = MailedAlerts.awaitEmails(smtp, mailedBeforeReturn + 1, NEXT_EMAIL_WITHIN);
                stayedUp &= sendOneByOne(traffic, after, Duration.ZERO, alerts);
                MailedAlerts.awaitAll(smtp, traffic.alertIds(), NEXT_EMAIL_WITHIN);
                run.did("brought SMTP back on the same port: the first email %d ms later; committed %d more alerts: all %d alerts"
                        + " mailed %d ms after SMTP's return", firstMailedIn.toMillis(), after, traffic.alertIds().size(),
                        Duration.ofNanos(System.nanoTime() - back).toMillis());
                Thread.sleep(SETTLE.toMillis());
                stayedUp &= alerts.alive();
                alertIds = traffic.alertIds();
            }
            check(run, MailedAlerts.in(smtp), alertIds, refusals(log), stayedUp, firstMailedIn);
        }
    }

    private static void check(ChaosRun run, MailedAlerts mailed, List<String> alertIds, long refusals, boolean stayedUp,
                              Duration firstMailedIn) {
        run.check("the alerts process met the outage: SMTP connections refused and logged", refusals > 0,
                refusals + " refused attempts logged");
        run.check("the alerts process never exited", stayedUp, stayedUp ? "alive throughout" : "it exited; see alerts.log");
        List<String> missing = mailed.missing(alertIds);
        run.check("every alert mailed", missing.isEmpty(), missing.isEmpty() ? alertIds.size() + " of " + alertIds.size()
                : missing.size() + " of " + alertIds.size() + " never mailed, e.g. " + missing.get(0));
        run.check("no alert mailed twice", mailed.repeats() == 0, mailed.summary()
                + (mailed.repeats() == 0 ? "" : ", e.g. " + mailed.repeated().get(0)));
        run.checkEqual("no email for an alert that was never committed", List.of(), mailed.unexpected(alertIds));
        Duration bound = AlertsSettings.RETRY_BACKOFF_MAX.plus(FIRST_EMAIL_MARGIN);
        run.check("mailing resumed within the longest retry backoff (+" + FIRST_EMAIL_MARGIN.toSeconds() + " s) of SMTP's return",
                firstMailedIn.compareTo(bound) <= 0, firstMailedIn.toMillis() + " ms to the first email (bound " + bound.toMillis() + " ms)");
    }

    /** Sends {@code count} alerts {@code apart}, and says whether {@code process} was alive at every one. */
    private static boolean sendOneByOne(AlertTraffic traffic, int count, Duration apart, ChildJvm process) throws InterruptedException {
        boolean alive = true;
        for (int i = 0; i < count; i++) {
            traffic.send(1);
            Thread.sleep(apart.toMillis());
            alive &= process.alive();
        }
        return alive;
    }

    private static long refusals(Path log) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(REFUSED_LOG_LINE)).count();
        }
    }
}
