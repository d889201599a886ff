package io.driftwatch.service.metrics;

import io.driftwatch.topology.config.DriftwatchConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * The meters of one driftwatch process ({@code run} or {@code alerts}) and, unless
 * {@code driftwatch.metrics.port} is 0, the Prometheus endpoint serving them. Besides what driftwatch
 * counts itself it binds the JVM's memory, GC, thread, class-loader, CPU and uptime metrics, and caps the
 * {@code feature} tag of the per-feature drift gauges at {@code driftwatch.metrics.features.max} distinct
 * values, so a model with thousands of features cannot flood Prometheus. Every minute or so it removes
 * the meters of model versions silent for {@code driftwatch.metrics.retire.after.ms} ({@link RetiredVersions}).
 * Create it before anything registers a meter (the cap applies to meters registered after it); close it last.
 */
public final class ProcessMetrics implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProcessMetrics.class);
    /** The name prefix of the per-feature drift gauges, whose {@code feature} tag is capped. */
    static final String PER_FEATURE_PREFIX = "driftwatch.drift.";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;
    private final @Nullable PrometheusEndpoint endpoint;
    private final @Nullable ScheduledExecutorService sweeper;

    private ProcessMetrics(PrometheusMeterRegistry registry, JvmGcMetrics gcMetrics, @Nullable PrometheusEndpoint endpoint,
                           Duration retireAfter) {
        this.registry = registry;
        this.gcMetrics = gcMetrics;
        this.endpoint = endpoint;
        this.sweeper = retireAfter.isZero() ? null : startSweeper(new RetiredVersions(registry, retireAfter));
    }

    @SuppressWarnings("FutureReturnValueIgnored") // sweep logs its own failures and runs until the executor is shut down
    private static ScheduledExecutorService startSweeper(RetiredVersions retired) {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "driftwatch-metrics-retire");
            thread.setDaemon(true);
            return thread;
        });
        long everyMillis = retired.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(() -> sweep(retired), everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        return sweeper;
    }

    private static void sweep(RetiredVersions retired) {
        try {
            List<String> versions = retired.sweep(Instant.now());
            if (!versions.isEmpty()) {
                log.info("removed the meters of {}: nothing from them for driftwatch.metrics.retire.after.ms", versions);
            }
        } catch (RuntimeException e) {
            log.warn("could not remove the meters of silent model versions; trying again at the next sweep", e);
        }
    }

    /**
     * @throws java.io.UncheckedIOException when the endpoint's address cannot be bound
     */
    public static ProcessMetrics start(DriftwatchConfig config) {
        requireNonNull(config, "config");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(MeterFilter.maximumAllowableTags(PER_FEATURE_PREFIX, "feature",
                config.metricsFeaturesMax(), MeterFilter.deny()));
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        PrometheusEndpoint endpoint = null;
        if (config.metricsPort() > 0) {
            try {
                endpoint = PrometheusEndpoint.start(registry, new InetSocketAddress(config.metricsBindAddress(), config.metricsPort()));
            } catch (RuntimeException e) {
                gcMetrics.close();
                registry.close();
                throw e;
            }
            log.info("serving Prometheus metrics on http://{}:{}{}", config.metricsBindAddress(), endpoint.port(), PrometheusEndpoint.PATH);
        }
        return new ProcessMetrics(registry, gcMetrics, endpoint, config.metricsRetireAfter());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The scrape text, as the endpoint serves it. */
    public String scrape() {
        return registry.scrape();
    }

    /** The endpoint's port, or empty when {@code driftwatch.metrics.port} is 0. */
    public Optional<Integer> port() {
        return endpoint == null ? Optional.empty() : Optional.of(endpoint.port());
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        gcMetrics.close();
        registry.close();
    }
}
