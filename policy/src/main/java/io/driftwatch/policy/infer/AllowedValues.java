package io.driftwatch.policy.infer;

import io.driftwatch.stats.sample.CategoryCounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The allowed values inferred for a categorical column: every value the training data holds, when there are at most
 * {@value #MAX_VALUES} and each was seen at least {@value #MIN_COUNT} times. A longer list is no contract a person
 * reviews, and a value seen once or twice in training is as likely to be missing from it by chance as a value
 * production sends, so such a column gets no list rather than one that warns on its rare values.
 */
final class AllowedValues {
    /** Most values an inferred list holds. */
    static final int MAX_VALUES = 20;
    /** Fewest times each value must have been seen. */
    static final long MIN_COUNT = 5;

    private AllowedValues() {
    }

    /** The values, sorted, or why none are inferred. */
    static Inferred of(CategoryCounts counts) {
        if (counts.distinctCount() > MAX_VALUES) {
            return new Inferred(Optional.empty(), String.format(Locale.ROOT,
                    "%d distinct values: more than %d, so no list of allowed values", counts.distinctCount(), MAX_VALUES));
        }
        long rare = counts.counts().values().stream().filter(count -> count < MIN_COUNT).count();
        if (rare > 0) {
            return new Inferred(Optional.empty(), String.format(Locale.ROOT, "%d of its %d values seen fewer than %d"
                    + " times, so no list of allowed values", rare, counts.distinctCount(), MIN_COUNT));
        }
        return new Inferred(Optional.of(List.copyOf(counts.counts().keySet())), String.format(Locale.ROOT,
                "every value seen in training, each at least %d times", counts.counts().values().stream()
                        .mapToLong(Long::longValue).min().orElse(0)));
    }

    /**
     * @param values the allowed values, sorted; empty when none are inferred
     * @param note   what the list is, or why there is none, for the policy's comment
     */
    record Inferred(Optional<List<String>> values, String note) {
        Inferred {
            values = values.map(List::copyOf);
        }
    }

}
