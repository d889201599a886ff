package io.driftwatch.topology.gauge;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.noop.NoopGauge;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Gauges that report the last value set for their name and tags: one holder per name and tags, whose value
 * each report replaces, so a report of the next window replaces the last one's value and a replayed report writes the
 * same value again. Each gauge is registered once, when its first value is set: registering it again with every
 * report made Micrometer log "This Gauge has been already registered" (a WARN, once per process) on every
 * {@code driftwatch run}. A gauge the registry has removed since (a retired model version) is registered again
 * with its next value; one a meter filter denied (the feature cap) is offered again with each value, as the
 * filter may accept it later. Stream threads write, the scraping thread reads. Thread-safe.
 */
public final class LatestValueGauges {
    private final MeterRegistry meters;
    private final Map<Tags, Latest> gauges = new ConcurrentHashMap<>();
    private final Map<Meter.Id, Latest> byRegisteredId = new ConcurrentHashMap<>();

    public LatestValueGauges(MeterRegistry meters) {
        this.meters = requireNonNull(meters, "meters");
        meters.config().onMeterRemoved(this::removed);
    }

    /** Sets the gauge's value, registering it if the registry does not hold it (its first value, or a retired model version). */
    public void set(String name, String description, Tags tags, double value) {
        Latest latest = gauges.computeIfAbsent(tags.and("__name", name), key -> new Latest());
        latest.value = value;
        if (latest.registered == null) {
            register(latest, name, description, tags);
        }
    }

    // Locked per holder so that two threads setting a new gauge at once register it once, not once each.
    private void register(Latest latest, String name, String description, Tags tags) {
        synchronized (latest) {
            if (latest.registered != null) {
                return;
            }
            Gauge gauge = Gauge.builder(name, latest, Latest::value).description(description).tags(tags)
                    .strongReference(true).register(meters);
            if (!(gauge instanceof NoopGauge)) {
                byRegisteredId.put(gauge.getId(), latest);
                latest.registered = gauge;
            }
        }
    }

    private void removed(Meter meter) {
        Latest latest = byRegisteredId.get(meter.getId());
        if (latest != null && latest.registered == meter) {
            byRegisteredId.remove(meter.getId(), latest);
            latest.registered = null;
        }
    }

    private static final class Latest {
        private volatile double value = Double.NaN;
        private volatile @Nullable Gauge registered;

        double value() {
            return value;
        }
    }
}
