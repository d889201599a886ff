package io.driftwatch.tools.chaos;

import io.driftwatch.service.DriftwatchService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What "the service stayed up" means, measured: a running service's Kafka Streams state, its live stream
 * threads and its schema-registry gauge, sampled four times a second from start to close. Down is a state
 * Kafka Streams does not come back from by itself (pending error, error, shutting down, not running); a
 * rebalance is not down.
 */
final class ServiceWatch implements AutoCloseable {
    private static final Duration EVERY = Duration.ofMillis(250);
    private static final Set<KafkaStreams.State> DOWN = Set.of(KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.ERROR,
            KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING);

    private final DriftwatchService service;
    private final MeterRegistry meters;
    private final ScheduledExecutorService sampler;
    private final List<KafkaStreams.State> transitions = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private int samples;
    private int downSamples;
    private int registryDownSamples;
    private long fewestLiveThreads = Long.MAX_VALUE;

    private ServiceWatch(DriftwatchService service, MeterRegistry meters) {
        this.service = service;
        this.meters = meters;
        this.sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "chaos-service-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts sampling {@code service}, whose meters are {@code meters}. */
    @SuppressWarnings("FutureReturnValueIgnored") // sample reads in-memory state only; close() shuts the sampler down
    static ServiceWatch start(DriftwatchService service, MeterRegistry meters) {
        ServiceWatch watch = new ServiceWatch(service, meters);
        watch.sampler.scheduleAtFixedRate(watch::sample, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    private synchronized void sample() {
        KafkaStreams.State state = service.state();
        samples++;
        if (transitions.isEmpty() || transitions.get(transitions.size() - 1) != state) {
            transitions.add(state);
        }
        if (DOWN.contains(state)) {
            downSamples++;
        }
        if (state == KafkaStreams.State.RUNNING) {
            fewestLiveThreads = Math.min(fewestLiveThreads, service.liveStreamThreads());
        }
        Gauge registryUp = meters.find("driftwatch.schema.registry.up").gauge();
        if (registryUp != null && registryUp.value() == 0) {
            registryDownSamples++;
        }
    }

    /** True when no sample so far found the service down. */
    synchronized boolean stayedUp() {
        return samples > 0 && downSamples == 0;
    }

    /** Samples in which the service's gauge said the schema registry was unreachable. */
    synchronized int registryDownSamples() {
        return registryDownSamples;
    }

    /** Stream threads that failed and were replaced. */
    int threadsReplaced() {
        return service.threadsReplaced();
    }

    /** The figures behind {@link #stayedUp()}: samples, time, state transitions, threads. */
    synchronized String summary() {
        return String.format(Locale.ROOT, "%d samples over %d s, %d down; states %s; fewest live stream threads while running %s; %d threads replaced",
                samples, Duration.ofNanos(System.nanoTime() - startNanos).toSeconds(), downSamples, transitions,
                fewestLiveThreads == Long.MAX_VALUE ? "n/a" : fewestLiveThreads, service.threadsReplaced());
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdown();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
    }
}
