package io.driftwatch.service.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Removes the meters of a model version that has shown no sign of life for the retire time: no record read,
 * window closed, trigger or report. Without it a version replaced by the next one would keep serving its last
 * drift flags and window end forever, so a rollout would leave the no-data and drift alerts firing for a
 * version that no longer exists, and the dashboard's version list would only grow. A sign of life is any
 * change of the version's counters or of its window-end gauges between two sweeps; a version that comes back
 * gets its meters again with its next record (counters from zero, which Prometheus reads as a reset).
 * Meters without both a {@code model} and a {@code version} tag are never touched. Called from one thread.
 */
final class RetiredVersions {
    static final Set<String> WINDOW_END_GAUGES = Set.of("driftwatch.window.end", "driftwatch.quality.window.end");

    private record ModelVersion(String model, String version) {
    }

    private record Seen(double pulse, Instant changedAt) {
    }

    private final MeterRegistry meters;
    private final Duration retireAfter;
    private final Map<ModelVersion, Seen> seen = new HashMap<>();

    RetiredVersions(MeterRegistry meters, Duration retireAfter) {
        this.meters = requireNonNull(meters, "meters");
        if (retireAfter.isNegative() || retireAfter.isZero()) {
            throw new IllegalArgumentException("retire time " + retireAfter + " must be positive");
        }
        this.retireAfter = retireAfter;
    }

    /** How often {@link #sweep} should run: within a quarter of the retire time, at most once a second, at least once a minute. */
    Duration sweepInterval() {
        return Duration.ofMillis(Math.max(1_000, Math.min(retireAfter.toMillis() / 4, 60_000)));
    }

    /**
     * Notes which versions changed since the last sweep and removes the meters of those unchanged for the
     * retire time.
     *
     * @return the versions retired, as {@code model/version}
     */
    List<String> sweep(Instant now) {
        Map<ModelVersion, List<Meter>> byVersion = new HashMap<>();
        for (Meter meter : meters.getMeters()) {
            String model = meter.getId().getTag("model");
            String version = meter.getId().getTag("version");
            if (model != null && version != null) {
                byVersion.computeIfAbsent(new ModelVersion(model, version), k -> new ArrayList<>()).add(meter);
            }
        }
        seen.keySet().retainAll(byVersion.keySet());
        List<String> retired = new ArrayList<>();
        byVersion.forEach((version, versionMeters) -> {
            double pulse = versionMeters.stream().mapToDouble(RetiredVersions::pulse).sum();
            Seen last = seen.get(version);
            if (last == null || Double.compare(last.pulse(), pulse) != 0) {
                seen.put(version, new Seen(pulse, now));
            } else if (!now.isBefore(last.changedAt().plus(retireAfter))) {
                versionMeters.forEach(meters::remove);
                seen.remove(version);
                retired.add(version.model() + "/" + version.version());
            }
        });
        return retired;
    }

    private static double pulse(Meter meter) {
        if (meter instanceof Counter counter) {
            return counter.count();
        }
        if (meter instanceof FunctionCounter counter) {
            return counter.count();
        }
        if (meter instanceof Gauge gauge && WINDOW_END_GAUGES.contains(meter.getId().getName())) {
            double value = gauge.value();
            return Double.isNaN(value) ? 0 : value;
        }
        return 0;
    }
}
