package io.driftwatch.policy.infer;

import io.driftwatch.stats.compare.ColumnType;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * What the training data says of one feature, as a starting policy writes it: its type, the test that will decide its
 * drift, and its expectations, each with the note its comment shows.
 *
 * @param name          the column's name
 * @param type          the type the file reader gave it, the one {@code check} and {@code baseline} use
 * @param decider       the default test and threshold, with whether the policy can name it (see {@link Decider})
 * @param range         the inferred range (numeric columns)
 * @param allowedValues the allowed values, sorted (categorical columns with few values), empty when none
 * @param valuesNote    what the allowed values are, or why there are none; empty for numeric columns
 * @param missingShare  the share of rows missing the column in training
 * @param maxMissing    the largest missing share allowed, empty when training missed no value
 */
public record InferredColumn(String name, ColumnType type, Decider decider, Optional<TrainingRange> range,
                             Optional<List<String>> allowedValues, Optional<String> valuesNote, double missingShare,
                             OptionalDouble maxMissing) {
    public InferredColumn {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(decider, "decider");
        requireNonNull(range, "range");
        allowedValues = allowedValues.map(List::copyOf);
        requireNonNull(valuesNote, "valuesNote");
        requireNonNull(maxMissing, "maxMissing");
    }

    /**
     * The test {@code DriftDefaults} picks for the column from the training data and its threshold, calibrated as
     * {@code baseline --calibrate} calibrates it where the test is a distance.
     *
     * @param test         the test's name
     * @param threshold    the threshold: calibrated, else the test's default
     * @param calibrated   whether {@code threshold} was calibrated
     * @param note         how the threshold came about, for the comment
     * @param asCategories whether a numeric column is compared as categories (at most
     *                     {@code DriftDefaults.FEW_DISTINCT_VALUES_MAX} distinct values): a column's tests entry in a
     *                     policy compare numbers as numbers, so such a test is shown in a comment rather than written
     */
    public record Decider(String test, double threshold, boolean calibrated, String note, boolean asCategories) {
        public Decider {
            requireNonNull(test, "test");
            requireNonNull(note, "note");
        }
    }
}
