package io.driftwatch.stats.quality;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One prediction with its true label, typed, with what a quality tally needs beside it: the segments it is
 * also counted under and how long its label took. Built by {@link OutcomeTyping#outcome}, the rule both the
 * stream and the baseline type their pairs with.
 *
 * @param segments         segment tags of the prediction (country, channel ...); empty when none
 * @param labelDelayMillis label event time minus prediction event time; negative when the label came first
 */
public record LabelledOutcome(LabelledPair pair, Map<String, String> segments, long labelDelayMillis) {
    public LabelledOutcome {
        requireNonNull(pair, "pair");
        segments = Map.copyOf(segments);
    }

    public TaskKind task() {
        return pair.task();
    }
}
