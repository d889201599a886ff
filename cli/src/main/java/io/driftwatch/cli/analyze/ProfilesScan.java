package io.driftwatch.cli.analyze;

import io.driftwatch.schemas.record.WindowProfile;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One pass over the profiles topic for one model version: each of its windows goes to the span that holds it, and
 * the oldest window still on the topic is noted, so a span reaching back past the topic's retention can be told
 * apart from a span in which the service saw no traffic.
 */
public final class ProfilesScan {
    private final String model;
    private final String version;
    private final MergedSpan current;
    private final @Nullable MergedSpan reference;
    private @Nullable Instant oldestWindowStart;

    /** @param reference the span compared against, or null when it is the baseline */
    public ProfilesScan(String model, String version, MergedSpan current, @Nullable MergedSpan reference) {
        this.model = requireNonNull(model, "model");
        this.version = requireNonNull(version, "version");
        this.current = requireNonNull(current, "current");
        this.reference = reference;
    }

    /** Takes one record of the topic; records of other model versions are passed over. */
    public void accept(WindowProfile window) {
        if (!model.equals(window.getModelName()) || !version.equals(window.getModelVersion())) {
            return;
        }
        if (oldestWindowStart == null || window.getWindowStart().isBefore(oldestWindowStart)) {
            oldestWindowStart = window.getWindowStart();
        }
        current.add(window);
        if (reference != null) {
            reference.add(window);
        }
    }

    public MergedSpan current() {
        return current;
    }

    public Optional<MergedSpan> reference() {
        return Optional.ofNullable(reference);
    }

    /** The start of the model version's oldest window still on the topic; empty when it has none there. */
    public Optional<Instant> oldestWindowStart() {
        return Optional.ofNullable(oldestWindowStart);
    }

    /**
     * One line about {@code merged}'s coverage when the topic cannot give all of it: the span reaches before the
     * oldest window still there (retention deleted the rest), or holds no window; empty when neither.
     */
    public Optional<String> coverageNote(MergedSpan merged) {
        Span span = merged.span();
        String what = "the " + span.name() + " span " + span;
        if (oldestWindowStart == null) {
            return Optional.of(what + " has no window: the profiles topic holds no window of model " + model + " version "
                    + version + " (is it the right model and version, and has the service closed a window of it?)");
        }
        if (merged.windows() == 0) {
            return Optional.of(what + " has no window of model " + model + " version " + version + " on the profiles topic;"
                    + " the oldest window still there starts at " + oldestWindowStart);
        }
        if (span.from().isBefore(oldestWindowStart)) {
            return Optional.of(what + " reaches before the oldest window still on the profiles topic, which starts at "
                    + oldestWindowStart + " (driftwatch.topic.profiles.retention.ms); only the windows from then on are merged");
        }
        return Optional.empty();
    }
}
