package io.driftwatch.topology.ingest;

import io.driftwatch.schemas.registry.RegistryUnavailableException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Makes a record wait while the schema registry is unreachable, instead of dead-lettering it: retries
 * with doubling pauses for at most {@code maxWait}, then gives up with {@link RegistryOutageException}
 * so that Kafka Streams restarts the thread and retries the record from its committed offset (a wait
 * inside a transaction must stay well below the transaction timeout). The outage is visible in the log
 * (once when it starts, once when it ends) and in the gauge {@code driftwatch.schema.registry.up}.
 * Thread-safe.
 */
public final class RegistryWait {
    private static final Logger log = LoggerFactory.getLogger(RegistryWait.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    private final Duration maxWait;
    private final AtomicInteger registryUp = new AtomicInteger(1);

    public RegistryWait(Duration maxWait, MeterRegistry meters) {
        this.maxWait = requireNonNull(maxWait, "maxWait");
        Gauge.builder("driftwatch.schema.registry.up", registryUp, AtomicInteger::get)
                .description("1 while the schema registry answers, 0 while records wait for it")
                .register(meters);
    }

    /**
     * Runs {@code lookup}, retrying it while the registry is unreachable.
     *
     * @throws RegistryOutageException when the registry stays unreachable for longer than the maximum wait
     */
    public <T> T call(Supplier<T> lookup) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                T result = lookup.get();
                if (registryUp.getAndSet(1) == 0) {
                    log.info("schema registry reachable again; records flow");
                }
                return result;
            } catch (RegistryUnavailableException e) {
                if (registryUp.getAndSet(0) == 1) {
                    log.warn("schema registry unreachable; records wait for it (nothing is dead-lettered for this): {}", e.getMessage());
                }
                if (System.nanoTime() + pause.toNanos() > deadline) {
                    throw new RegistryOutageException("schema registry unreachable for " + maxWait.toMillis()
                            + " ms; the stream thread restarts and retries from its last committed offset", e);
                }
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** 1 while the registry answers, 0 during an outage. */
    public int registryUp() {
        return registryUp.get();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryOutageException("interrupted while waiting for the schema registry", e);
        }
    }
}
