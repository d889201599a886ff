package io.driftwatch.topology.gauge;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Gauges that report the last value set for their name and tags: one holder per name and tags, whose value
 * each report replaces, so a report of the next window replaces the last one's value and a replayed report writes the
 * same value again. A gauge the registry has dropped meanwhile is registered again. Stream threads write,
 * the scraping thread reads. Thread-safe.
 */
public final class LatestValueGauges {
    private final MeterRegistry meters;
    private final Map<Tags, Latest> gauges = new ConcurrentHashMap<>();

    public LatestValueGauges(MeterRegistry meters) {
        this.meters = requireNonNull(meters, "meters");
    }

    /** Sets the gauge's value, registering it again if the registry has dropped it (a retired model version). */
    public void set(String name, String description, Tags tags, double value) {
        Latest latest = gauges.computeIfAbsent(tags.and("__name", name), key -> new Latest());
        latest.value = value;
        Gauge.builder(name, latest, Latest::value).description(description).tags(tags).strongReference(true).register(meters);
    }

    private static final class Latest {
        private volatile double value = Double.NaN;

        double value() {
            return value;
        }
    }
}
