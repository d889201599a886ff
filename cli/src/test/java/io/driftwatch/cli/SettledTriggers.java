package io.driftwatch.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import static org.awaitility.Awaitility.await;

/**
 * A running service's retraining triggers as CI reads them, for the tests that expect exactly one: read until the
 * first has arrived, then until the lines have stayed the same for {@link #REPEAT_WINDOW}, time enough for a
 * repeated trigger to be committed after the first. The test asserts on the lines returned.
 */
public final class SettledTriggers {
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How long the triggers must stay as they are once the first is there. */
    static final Duration REPEAT_WINDOW = Duration.ofSeconds(3);
    /** A repeat makes the lines differ from then on: the wait fails this long after the window instead of at once. */
    private static final Duration REPEAT_MARGIN = Duration.ofSeconds(10);

    private SettledTriggers() {
    }

    /** {@code triggers} (the triggers topic read, one line per trigger) once settled; the first trigger must come within {@code within}. */
    public static List<String> read(Callable<List<String>> triggers, Duration within) {
        return read(triggers, within, () -> true);
    }

    /** As {@link #read(Callable, Duration)}, failing at once when {@code serviceAlive} turns false (a service in a child JVM). */
    public static List<String> read(Callable<List<String>> triggers, Duration within, BooleanSupplier serviceAlive) {
        List<String> first = await("the first trigger").atMost(within).pollInterval(POLL).pollInSameThread()
                .failFast("the service stopped", () -> !serviceAlive.getAsBoolean())
                .until(triggers, lines -> !lines.isEmpty());
        return await("the triggers to stay " + first + " for " + REPEAT_WINDOW.toSeconds() + " s").during(REPEAT_WINDOW)
                .atMost(REPEAT_WINDOW.plus(REPEAT_MARGIN)).pollInterval(POLL).pollInSameThread()
                .failFast("the service stopped", () -> !serviceAlive.getAsBoolean())
                .until(triggers, first::equals);
    }
}
