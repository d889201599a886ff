package io.driftwatch.app.chaos;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The promise that a broker outage needs no operator on driftwatch's side: the broker stops mid-run (a
 * controlled shutdown, as for an upgrade) and comes back on the same ports with its data, while
 * {@code driftwatch run} keeps running in a child JVM. The service must wait, resume by itself, and write what
 * an uninterrupted run writes, exactly once. The long outage outlasts the producer's transaction timeout and its
 * blocking timeouts, so the transaction open when the broker went away is aborted and its producer fenced.
 */
final class BrokerRestartScenario implements ChaosScenario {
    private static final int PARTITIONS = 2;
    private static final Duration CATCH_UP = Duration.ofMinutes(5);
    private static final String THREAD_REPLACED = "a stream thread failed; replacing it";

    @Override
    public String name() {
        return "broker-restart";
    }

    @Override
    public String summary() {
        return "the Kafka broker stopped mid-run and started again on the same ports and data, the service left running:"
                + " it resumes by itself, every trigger exactly once, every report equal to an uninterrupted run's";
    }

    @Override
    public void run(ChaosRun run) throws Exception {
        KnownDrift drift = KnownDrift.sized(run, 4_000);
        List<Duration> outages = run.full()
                ? List.of(Duration.ofSeconds(20), Duration.ofSeconds(90), Duration.ofSeconds(150))
                : List.of(Duration.ofSeconds(20));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            drift.publish(bootstrap, run.directory(), PARTITIONS);
            run.did("produced %,d inferences in %d windows with %d drift episodes, over %d partitions", drift.records(),
                    drift.windows(), drift.episodes(), PARTITIONS);
            Optional<RunOutcome> reference = InProcessRun.reference(run, bootstrap, drift, PARTITIONS, CATCH_UP);
            if (reference.isEmpty()) {
                return;
            }
            RunSettings restartedRun = drift.settings(bootstrap, "restarted", PARTITIONS);
            Path log = run.directory().resolve("restarted.log");
            try (ChildJvm child = ChildJvm.start(512, log, "run", "--config", restartedRun.write(run.directory()).toString())) {
                for (int i = 0; i < outages.size(); i++) {
                    long progressBeforeStop = (long) drift.records() * (i + 1) / (outages.size() + 1);
                    long lagAtStop = awaitProgress(bootstrap, restartedRun, drift.records() - progressBeforeStop, child);
                    run.check("outage " + (i + 1) + " began mid-run, input still to process", lagAtStop > 0 && child.alive(),
                            String.format("%,d of %,d records not yet committed when the broker stopped", lagAtStop, drift.records()));
                    broker.stop();
                    Thread.sleep(outages.get(i).toMillis());
                    boolean aliveDuringOutage = child.alive();
                    long restartStart = System.nanoTime();
                    broker.restart();
                    run.did("stopped the broker for %d s (the service %s at its end), restarted it on the same ports and data in %.1f s",
                            outages.get(i).toSeconds(), aliveDuringOutage ? "still up" : "DOWN",
                            (System.nanoTime() - restartStart) / 1e9);
                }
                Duration resumed = Completion.awaitReports(bootstrap, restartedRun, KnownDrift.TOPIC, drift.windows(), CATCH_UP);
                run.did("the service committed every record and all %d reports %d s after the last restart", drift.windows(),
                        resumed.toSeconds());
                run.check("the service process never died and was never restarted by hand", child.alive(),
                        child.alive() ? "the same child JVM ran throughout; stream threads it replaced itself: " + countLines(log, THREAD_REPLACED)
                                : "the child JVM exited; see " + log);
            }
            RunOutcome.read(bootstrap, restartedRun).checkSameAs(reference.get(), run, "broker restarted");
        }
    }

    /**
     * Waits until the service has at most {@code lag} records left to commit, and returns its lag then.
     *
     * @throws IllegalStateException when the service exits or makes no such progress within {@link #CATCH_UP}
     */
    private static long awaitProgress(String bootstrap, RunSettings settings, long lag, ChildJvm child) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            while (true) {
                long current = CommittedRecords.lag(admin, settings.applicationId(), KnownDrift.TOPIC);
                if (current <= lag || !child.alive()) {
                    return current;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the service still had " + current + " records to commit after "
                            + CATCH_UP.toSeconds() + " s; see " + child.log());
                }
                Thread.sleep(100);
            }
        }
    }

    private static long countLines(Path log, String text) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }
}
