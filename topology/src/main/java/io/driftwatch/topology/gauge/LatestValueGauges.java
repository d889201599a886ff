package io.driftwatch.topology.gauge;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Gauges that report the last value set for their name and tags: registered on the first value, then only
 * updated, so a report of the next window replaces the last one's value and a replayed report writes the
 * same value again. Stream threads write, the scraping thread reads. Thread-safe.
 */
public final class LatestValueGauges {
    private final MeterRegistry meters;
    private final Map<Tags, Latest> gauges = new ConcurrentHashMap<>();

    public LatestValueGauges(MeterRegistry meters) {
        this.meters = requireNonNull(meters, "meters");
    }

    public void set(String name, String description, Tags tags, double value) {
        gauges.computeIfAbsent(tags.and("__name", name), key -> {
            Latest latest = new Latest();
            Gauge.builder(name, latest, Latest::value).description(description).tags(tags).strongReference(true).register(meters);
            return latest;
        }).value = value;
    }

    private static final class Latest {
        private volatile double value = Double.NaN;

        double value() {
            return value;
        }
    }
}
