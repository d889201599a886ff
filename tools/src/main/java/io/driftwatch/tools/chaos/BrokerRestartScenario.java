package io.driftwatch.tools.chaos;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.testkit.probe.Scrape;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The promise that a broker outage needs no operator on driftwatch's side: the broker stops mid-run (a
 * controlled shutdown, as for an upgrade) and comes back on the same ports with its data, while
 * {@code driftwatch run} keeps running in a child JVM. The service must wait, resume by itself without losing a
 * stream thread, and write what an uninterrupted run writes, exactly once. The long outages of the full size
 * outlast the stream threads' transaction timeout (10 s) and the producer client's default blocking timeout (60 s).
 */
final class BrokerRestartScenario implements ChaosScenario {
    private static final int PARTITIONS = 2;
    private static final Duration CATCH_UP = Duration.ofMinutes(5);
    private static final String FAILED_THREADS = "kafka_stream_failed_stream_threads_total";

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
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            String bootstrap = broker.bootstrapServers();
            drift.publish(run, bootstrap, PARTITIONS);
            Optional<RunOutcome> reference = InProcessRun.reference(run, bootstrap, drift, PARTITIONS, CATCH_UP);
            if (reference.isEmpty()) {
                return;
            }
            // Commits every 100 ms instead of the service's 1 s, so the committed lag falls in steps the wait below sees:
            // an idle machine processes the short size's whole input within one 1 s interval, and the broker would then
            // stop on a service with nothing left to do.
            RunSettings restartedRun = drift.settings(bootstrap, "restarted", PARTITIONS)
                    .set(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
            int metricsPort = restartedRun.serveMetrics();
            Path log = run.directory().resolve("restarted.log");
            try (ChildJvm child = ChildJvm.start(512, log, "run", "--config", restartedRun.write(run.directory()).toString())) {
                long lag = Long.MAX_VALUE;
                for (int i = 0; i < outages.size(); i++) {
                    // Outages spread over the first quarter of the input, each after progress since the last, so each finds
                    // the service busy with plenty left even on a machine that commits half the input in one commit interval.
                    long target = Math.min(lag - 1, drift.records() - drift.records() * (i + 1L) / (4L * (outages.size() + 1)));
                    lag = awaitProgress(admin, restartedRun, target, child);
                    run.check("outage " + (i + 1) + " began mid-run, input still to process", lag > 0 && child.alive(),
                            String.format(Locale.ROOT, "%,d of %,d records not yet committed when the broker stopped", lag, drift.records()));
                    outage(run, broker, outages.get(i), child);
                }
                Duration resumed = Completion.awaitReports(bootstrap, restartedRun, KnownDrift.TOPIC, drift.windows(), CATCH_UP);
                run.did("the service committed every record and all %d reports %d s after the last restart", drift.windows(),
                        resumed.toSeconds());
                checkRodeItOut(run, child, metricsPort);
            }
            RunOutcome.read(bootstrap, restartedRun).checkSameAs(reference.get(), run, "broker restarted");
        }
    }

    private static void outage(ChaosRun run, EmbeddedKafkaBroker broker, Duration length, ChildJvm child) throws InterruptedException {
        broker.stop();
        Thread.sleep(length.toMillis());
        boolean aliveAtEnd = child.alive();
        long restartStart = System.nanoTime();
        broker.restart();
        run.did("stopped the broker for %d s (the service %s at its end), restarted it on the same ports and data in %.1f s",
                length.toSeconds(), aliveAtEnd ? "still up" : "DOWN", (System.nanoTime() - restartStart) / 1e9);
    }

    private static void checkRodeItOut(ChaosRun run, ChildJvm child, int metricsPort) throws InterruptedException {
        run.check("the service process never died and was never restarted by hand", child.alive(),
                child.alive() ? "the same child JVM ran throughout" : "the child JVM exited; see " + child.log());
        OptionalDouble failedThreads = failedStreamThreads(metricsPort);
        run.check("no stream thread failed: each rode out the outage rather than being replaced",
                failedThreads.isPresent() && failedThreads.getAsDouble() == 0, failedThreads.isPresent()
                        ? String.format(Locale.ROOT, "%s %.0f; see %s", FAILED_THREADS, failedThreads.getAsDouble(), child.log())
                        : FAILED_THREADS + " not served on /metrics");
    }

    /**
     * Waits until the service has at most {@code lag} records left to commit, so the broker stops while it is busy, and
     * returns its lag then.
     *
     * @throws IllegalStateException when the service exits or makes no progress within {@link #CATCH_UP}
     */
    private static long awaitProgress(Admin admin, RunSettings settings, long lag, ChildJvm child) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
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

    /** Kafka Streams' count of stream threads that died since the service started, as Prometheus reads it. */
    private static OptionalDouble failedStreamThreads(int metricsPort) throws InterruptedException {
        try {
            return Scrape.fetchLocal(metricsPort).samples().stream().filter(sample -> sample.name().equals(FAILED_THREADS))
                    .mapToDouble(Scrape.Sample::value).reduce(Double::sum);
        } catch (IOException notServing) {
            return OptionalDouble.empty();
        }
    }
}
