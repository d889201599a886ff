package io.driftwatch.tools.chaos;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.topology.config.DriftwatchConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The alerts process's delivery promise across crashes, measured: SIGKILLed at random points while it mails a
 * steady stream of alerts, and restarted each time, it loses no alert, and repeats at most one email per kill.
 * That bound is the code's: the dispatcher records an email's alert ids in the sent-ids topic (waiting for the
 * broker's acknowledgement) before it mails the next one, so at any instant at most one email is accepted by
 * SMTP but not recorded; a kill then repeats that one email, whose ids are one model version's group (here
 * one alert, since every alert is a version of its own). Anything recorded but not committed is read again
 * and skipped by id.
 */
final class AlertsKillScenario implements ChaosScenario {
    private static final Duration ALERT_EVERY = Duration.ofMillis(400);
    // How long a scenario waits for the next email before it calls delivery stuck.
    private static final Duration NEXT_EMAIL_WITHIN = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(3);
    // After its first email since the restart, the process is killed within this, while it works off the
    // alerts that gathered while it started: the moments a crash can fall between SMTP and the sent-ids topic.
    private static final int KILL_WITHIN_MILLIS = 3_000;

    @Override
    public String name() {
        return "alerts-kill";
    }

    @Override
    public String summary() {
        return "the alerts process SIGKILLed at random points while alerts flow, and restarted: no alert lost, at most one"
                + " email repeated per kill";
    }

    @Override
    public void run(ChaosRun run) throws Exception {
        int kills = run.size(5, 20);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(); MailCatcher smtp = MailCatcher.start()) {
            RunSettings settings = AlertsSettings.of(broker.bootstrapServers(), name(), smtp.port());
            Path config = settings.write(run.directory());
            List<String> alertIds;
            List<Integer> emailsAtKill;
            try (AlertTraffic traffic = AlertTraffic.to(broker.bootstrapServers(), settings.topic(DriftwatchConfig.ALERTS_TOPIC_CONFIG))) {
                ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
                ScheduledFuture<?> stream = producer.scheduleAtFixedRate(() -> traffic.send(1), 0, ALERT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                try {
                    emailsAtKill = killRepeatedly(run, smtp, config, kills, stream);
                } finally {
                    producer.shutdown();
                    producer.awaitTermination(30, TimeUnit.SECONDS);
                }
                if (!stream.isCancelled()) {
                    stream.get();
                }
                alertIds = traffic.alertIds();
            }
            run.did("committed %d alerts, one every %d ms, each for a model version of its own; SIGKILLed the alerts process"
                    + " (a child JVM) %d times, each within %d ms of its first email after a restart, at %s emails received",
                    alertIds.size(), ALERT_EVERY.toMillis(), kills, KILL_WITHIN_MILLIS, emailsAtKill);
            try (ChildJvm last = ChildJvm.start(256, run.directory().resolve("alerts-last.log"), "alerts", "--config", config.toString())) {
                Duration took = MailedAlerts.awaitAll(smtp, alertIds, NEXT_EMAIL_WITHIN);
                Thread.sleep(SETTLE.toMillis());
                run.did("restarted it a last time: every alert was in the inbox %d s later", took.toSeconds());
            }
            check(run, MailedAlerts.in(smtp), alertIds, kills);
        }
    }

    private static List<Integer> killRepeatedly(ChaosRun run, MailCatcher smtp, Path config, int kills, ScheduledFuture<?> stream)
            throws Exception {
        Random random = new Random(23);
        List<Integer> emailsAtKill = new ArrayList<>();
        for (int kill = 0; kill < kills; kill++) {
            ChildJvm child = ChildJvm.start(256, run.directory().resolve("alerts-" + kill + ".log"), "alerts", "--config", config.toString());
            try {
                awaitAnEmail(smtp, child, stream);
                Thread.sleep(random.nextInt(KILL_WITHIN_MILLIS));
            } finally {
                child.kill();
            }
            emailsAtKill.add(MailedAlerts.in(smtp).emails());
        }
        return emailsAtKill;
    }

    private static void awaitAnEmail(MailCatcher smtp, ChildJvm child, ScheduledFuture<?> stream) throws Exception {
        int before = MailedAlerts.in(smtp).emails();
        long deadline = System.nanoTime() + NEXT_EMAIL_WITHIN.toNanos();
        while (MailedAlerts.in(smtp).emails() == before) {
            if (stream.isDone()) {
                stream.get();
            }
            if (!child.alive()) {
                throw new IllegalStateException("the alerts process exited by itself; see " + child.log());
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the restarted alerts process mailed nothing within " + NEXT_EMAIL_WITHIN.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    private static void check(ChaosRun run, MailedAlerts mailed, List<String> alertIds, int kills) {
        List<String> missing = mailed.missing(alertIds);
        run.check("no alert lost: every alert mailed at least once", missing.isEmpty(), missing.isEmpty()
                ? alertIds.size() + " of " + alertIds.size() : missing.size() + " of " + alertIds.size() + " never mailed, e.g. " + missing.get(0));
        run.checkEqual("no email for an alert that was never committed", List.of(), mailed.unexpected(new HashSet<>(alertIds)));
        int repeats = mailed.repeats();
        run.check("repeats at most one email per kill (the one between SMTP's acceptance and the sent id's acknowledgement)",
                repeats <= kills, String.format(Locale.ROOT, "%s; %d kills, %.2f repeats per kill%s", mailed.summary(), kills,
                        (double) repeats / kills, repeats == 0 ? "" : ", repeated: " + mailed.repeated()));
    }
}
