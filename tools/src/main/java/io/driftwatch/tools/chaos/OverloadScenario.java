package io.driftwatch.tools.chaos;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.testkit.probe.ScrapedHeap;
import io.driftwatch.topics.TopicProvisioner;
import io.driftwatch.topics.TopicSpec;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.Serde;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * The promise under load: input arriving faster than driftwatch can process it only makes it fall behind.
 * A producer thread sends inferences flat out while {@code driftwatch run} (a child JVM with a fixed heap) reads
 * them; lag must grow while it sends and drain to zero after, the heap must stay below the cap, and every
 * record sent must be counted in a report, every window reported. Lag and heap are sampled every second, from
 * outside the service, as an operator's dashboard would.
 */
final class OverloadScenario implements ChaosScenario {
    private static final int PARTITIONS = 2;
    private static final int HEAP_MAX_MB = 512;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int RECORDS_PER_WINDOW = 10_000;
    /** Overloaded means behind by more than this much of the producer's output; one commit interval's worth is normal. */
    private static final Duration BEHIND = Duration.ofSeconds(3);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
    private static final String TOPIC = KnownDrift.TOPIC;

    @Override
    public String name() {
        return "overload";
    }

    @Override
    public String summary() {
        return "inferences produced flat out, faster than the service reads: lag grows then drains to zero, heap stays below"
                + " -Xmx" + HEAP_MAX_MB + "m, every record counted in a report";
    }

    @Override
    public void run(ChaosRun run) throws Exception {
        Duration producing = Duration.ofSeconds(run.size(15, 60));
        Duration drainBound = Duration.ofSeconds(run.size(90, 360));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            String bootstrap = broker.bootstrapServers();
            new TopicProvisioner(admin, START_TIMEOUT).ensure(List.of(new TopicSpec(TOPIC, PARTITIONS, Optional.empty(), Map.of())));
            RunSettings settings = RunSettings.of(bootstrap, "overload", WINDOW, PARTITIONS, KnownDrift.EXACT_VALUES);
            int metricsPort = settings.serveMetrics();
            try (ChildJvm child = ChildJvm.start(HEAP_MAX_MB, run.directory().resolve("overload.log"), "run", "--config",
                    settings.write(run.directory()).toString())) {
                awaitStable(admin, settings, child);
                run.did("started the service (a child JVM, -Xmx%dm, metrics on port %d); its consumer group is stable", HEAP_MAX_MB, metricsPort);
                LoadSamples samples = new LoadSamples(admin, settings.applicationId(), TOPIC, new ScrapedHeap(metricsPort), child);

                Instant firstWindow = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(7));
                FlatOutProducer.Sent sent = sendWhileSampling(new FlatOutProducer(bootstrap, TOPIC, firstWindow, WINDOW, RECORDS_PER_WINDOW),
                        producing, samples);
                long peakWhileSending = samples.peakLag();
                long lagWhenSent = samples.lags().get(samples.lags().size() - 1);
                run.did("sent %,d JSON inferences in %.1f s (%,.0f records/s) over %d windows of %d s, then a closer per partition;"
                        + " %d sends refused", sent.records(), seconds(sent.took()), sent.recordsPerSecond(), sent.windows(),
                        WINDOW.toSeconds(), sent.refused());
                long stopped = System.nanoTime();
                long lag = drain(samples, drainBound);
                Duration drained = Duration.ofNanos(System.nanoTime() - stopped);
                run.did("lag sampled every %d s while sending and draining: %s", SAMPLE_EVERY.toSeconds(), samples.lags());
                run.did("the service processed %,.0f records/s while the producer sent, %,.0f records/s from the first record to the last",
                        (sent.records() - lagWhenSent) / seconds(sent.took()), sent.records() / seconds(sent.took().plus(drained)));
                checkLoad(run, sent, peakWhileSending, lag, drained, drainBound);
                ScrapedHeap heap = samples.heap();
                run.check("the heap stayed below -Xmx" + HEAP_MAX_MB + "m", heap.samples() > 0 && heap.peakBytes() < HEAP_MAX_MB * 1048576L,
                        String.format(Locale.ROOT, "peak %.0f MiB over %d samples", heap.peakBytes() / 1048576.0, heap.samples()));
                boolean alive = samples.aliveThroughout() && child.alive();
                run.check("the service process stayed up throughout", alive, alive ? "alive at every sample" : "the child JVM exited; see " + child.log());
                if (lag == 0) {
                    checkEveryRecordReported(run, bootstrap, settings, sent, firstWindow);
                }
            }
        }
    }

    private static void checkLoad(ChaosRun run, FlatOutProducer.Sent sent, long peakWhileSending, long lagAtEnd, Duration drained,
                                  Duration drainBound) {
        long behindThreshold = (long) (sent.recordsPerSecond() * BEHIND.toSeconds());
        run.check("the producer outran the service: lag grew past " + BEHIND.toSeconds() + " s of its output",
                peakWhileSending > behindThreshold, String.format(Locale.ROOT, "peak lag %,d records (%.1f s of output; threshold %,d)",
                        peakWhileSending, peakWhileSending / sent.recordsPerSecond(), behindThreshold));
        run.check("the lag drained to 0 within " + drainBound.toSeconds() + " s of the producer stopping", lagAtEnd == 0,
                lagAtEnd == 0 ? String.format(Locale.ROOT, "drained %.0f s after the producer stopped", seconds(drained))
                        : String.format(Locale.ROOT, "%,d records still to commit", lagAtEnd));
    }

    /** Sends on a thread of its own, sampling the service every {@link #SAMPLE_EVERY} until the producer is done. */
    private static FlatOutProducer.Sent sendWhileSampling(FlatOutProducer producer, Duration producing, LoadSamples samples)
            throws Exception {
        CompletableFuture<FlatOutProducer.Sent> sending = CompletableFuture.supplyAsync(() -> producer.sendFor(producing, PARTITIONS));
        do {
            samples.sample();
            Thread.sleep(SAMPLE_EVERY.toMillis());
        } while (!sending.isDone());
        samples.sample();
        return sending.join();
    }

    /** Samples until the lag is 0 or {@code bound} has passed; returns the last lag. */
    private static long drain(LoadSamples samples, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        long lag;
        while ((lag = samples.sample()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(SAMPLE_EVERY.toMillis());
        }
        return lag;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static void awaitStable(Admin admin, RunSettings settings, ChildJvm child) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String state = "not created";
        while (!state.equals(GroupState.STABLE.toString())) {
            if (!child.alive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the service did not join its consumer group within " + START_TIMEOUT.toSeconds()
                        + " s (group " + state + "); see " + child.log());
            }
            Thread.sleep(200);
            try {
                state = requireNonNull(admin.describeConsumerGroups(List.of(settings.applicationId())).all().get()
                        .get(settings.applicationId()), "describeConsumerGroups answers for each group asked")
                        .groupState().toString();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
        }
    }

    private static void checkEveryRecordReported(ChaosRun run, String bootstrap, RunSettings settings, FlatOutProducer.Sent sent,
                                                 Instant firstWindow) throws Exception {
        String reportTopic = settings.topic(DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG);
        Completion.awaitReports(bootstrap, settings, TOPIC, sent.windows(), Duration.ofMinutes(1));
        Serde<DriftReport> serde = Topics.DRIFT_REPORTS.valueSerde();
        List<DriftReport> reports = CommittedRecords.readAll(bootstrap, reportTopic, bytes -> serde.deserializer().deserialize(reportTopic, bytes));
        long counted = reports.stream().mapToLong(DriftReport::getRecords).sum();
        run.checkEqual("the broker acknowledged every send, closers included (so a shortfall below is the service's)", 0L, sent.refused());
        run.checkEqual("every record sent is counted in a report", sent.records(), counted);
        Set<Instant> expected = IntStream.range(0, sent.windows()).mapToObj(w -> firstWindow.plus(WINDOW.multipliedBy(w)))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Instant> reported = reports.stream().map(DriftReport::getWindowStart).collect(Collectors.toCollection(TreeSet::new));
        run.check("every window reported, once", reported.equals(expected) && reports.size() == expected.size(),
                String.format(Locale.ROOT, "%d windows sent, %d reports for %d distinct windows%s", expected.size(), reports.size(), reported.size(),
                        reported.equals(expected) ? "" : "; missing " + difference(expected, reported) + ", unexpected " + difference(reported, expected)));
    }

    private static Set<Instant> difference(Set<Instant> from, Set<Instant> without) {
        Set<Instant> rest = new TreeSet<>(from);
        rest.removeAll(without);
        return rest;
    }
}
