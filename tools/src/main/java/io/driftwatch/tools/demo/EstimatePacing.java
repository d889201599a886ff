package io.driftwatch.tools.demo;

import java.time.Duration;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * Holds the replay back at the credit model's drift window until driftwatch has judged its estimate: the replay sends
 * hours of event time in seconds, and driftwatch judges an estimate when the window's grace has passed and it next
 * passes the joined labels on, so unpaced the judging could come after every label of the window had been sent and
 * joined. Paced, the labels in when the drift window is judged are at most those of its predictions within
 * {@link #LEAD} past its end (about a third of them, with labels up to 20 minutes late), however fast the machine is.
 * The other windows are not waited for, so the replay stays fast. Not thread-safe.
 */
final class EstimatePacing {
    /** Past the window's grace, so the predictions sent complete its estimate, and well before its last labels. */
    static final Duration LEAD = DemoSettings.GRACE.plusSeconds(15);

    private final DemoScenario scenario;

    EstimatePacing(DemoScenario scenario) {
        this.scenario = requireNonNull(scenario, "scenario");
    }

    /** Whether a record at {@code eventTime} may go: it is not {@link #LEAD} past the drift window, or that was judged. */
    boolean maySend(Instant eventTime, DemoObservation credit) {
        int window = scenario.driftFromWindow();
        return scenario.windowStart(window + 1).plus(LEAD).isAfter(eventTime)
                || credit.estimateCompletedByWindow().containsKey(scenario.windowStart(window));
    }
}
