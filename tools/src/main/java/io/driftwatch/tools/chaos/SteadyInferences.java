package io.driftwatch.tools.chaos;

import io.driftwatch.schemas.record.InferenceLog;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Good inferences of one model version with nothing remarkable about them (no drift), their event times
 * evenly spaced from {@link #T0} so that windows close as they go: the traffic that bad input or an outage is
 * mixed into, and that must all be counted. Seeded, so two runs send the same records.
 */
final class SteadyInferences {
    static final String MODEL = "fraud";
    static final String VERSION = "v3";
    static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final List<String> COUNTRIES = List.of("NO", "SE", "DK");

    private final Duration spacing;
    private final Random random = new Random(11);
    private long sent;

    /** Inferences {@code spacing} apart in event time. */
    SteadyInferences(Duration spacing) {
        this.spacing = spacing;
    }

    /** The next inference, {@code spacing} after the one before. */
    InferenceLog next() {
        Instant time = T0.plus(spacing.multipliedBy(sent));
        return inference("r" + sent++, time, 40 + random.nextGaussian() * 5);
    }

    /** How many {@link #next()} gave, all of them in windows that {@link #closer} closes. */
    long sent() {
        return sent;
    }

    /**
     * One record per partition past every window so far plus {@code grace}: it closes them, and stays itself in a
     * window that never closes, so it is not in any profile.
     */
    InferenceLog closer(int partition, Duration window, Duration grace) {
        Instant last = T0.plus(spacing.multipliedBy(Math.max(0, sent - 1)));
        return inference("closer-" + partition, last.plus(window.multipliedBy(2)).plus(grace), 40);
    }

    /** How many windows of {@code window} the records sent so far fall in. */
    int windows(Duration window) {
        long span = spacing.multipliedBy(Math.max(0, sent - 1)).toMillis();
        return sent == 0 ? 0 : (int) (span / window.toMillis()) + 1;
    }

    private InferenceLog inference(String id, Instant time, double age) {
        Map<String, Object> features = new HashMap<>();
        features.put("age", age);
        features.put("country", COUNTRIES.get(random.nextInt(COUNTRIES.size())));
        return InferenceLog.newBuilder().setRequestId(id).setModelName(MODEL).setModelVersion(VERSION).setEventTime(time)
                .setFeatures(features).setPrediction(age / 100).build();
    }
}
