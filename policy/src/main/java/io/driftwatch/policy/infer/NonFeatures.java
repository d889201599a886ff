package io.driftwatch.policy.infer;

import io.driftwatch.policy.yaml.YamlScalars;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules that flag a training column as likely no feature: a value that identifies a row or tells when it happened
 * says nothing about the world the model sees, and flags as drifted in every comparison. Conservative, since the owner
 * decides: each rule needs every value to agree, and gives the sentence the policy's comment shows.
 *
 * <ul>
 *   <li>timestamps: every value reads as an ISO-8601 date or date-time (a space for the {@code T} accepted);</li>
 *   <li>epoch times: whole numbers, one distinct value per row, all between 2000 and 2100 read as epoch seconds or
 *       milliseconds;</li>
 *   <li>row numbers: consecutive whole numbers, one per row;</li>
 *   <li>uuids: every value a UUID;</li>
 *   <li>nearly unique labels: at least {@value #NEARLY_UNIQUE_SHARE} of the values distinct, on at least
 *       {@value #NEARLY_UNIQUE_MIN_VALUES} values;</li>
 *   <li>columns named as ids ({@code id}, {@code *_id}, {@code *Id}, {@code uuid}, {@code guid}) whose values are whole
 *       numbers or labels with more distinct values than an allowed-values list takes
 *       ({@value AllowedValues#MAX_VALUES}): a code with a handful of values is a feature.</li>
 * </ul>
 */
final class NonFeatures {
    /** Share of distinct values at or above which labels are taken for ids. */
    static final double NEARLY_UNIQUE_SHARE = 0.95;
    /** Fewest values on which a distinct share means anything: 19 distinct of 20 labels is no id. */
    static final long NEARLY_UNIQUE_MIN_VALUES = 100;

    private static final double EPOCH_SECONDS_FROM = 946_684_800; // 2000-01-01T00:00Z
    private static final double EPOCH_SECONDS_TO = 4_102_444_800.0; // 2100-01-01T00:00Z
    private static final double MILLIS_PER_SECOND = 1_000;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ID_NAME = Pattern.compile("(?i)(id|uuid|guid)|.*[_\\-.](id|uuid|guid)|.*[a-z0-9](Id|ID|Uuid|Guid)");

    private NonFeatures() {
    }

    /** Why {@code column} looks like no feature, or empty when it may be one. */
    static Optional<String> reason(String name, ColumnData column) {
        if (column.validCount() == 0) {
            return Optional.of("no value in " + column.missingCount() + " rows: nothing to compare");
        }
        Optional<String> byValues = column instanceof ColumnData.Numeric numeric ? numbers(numeric.values())
                : labels(((ColumnData.Categorical) column).counts());
        if (byValues.isPresent()) {
            return byValues;
        }
        return namedAsId(name, column);
    }

    private static Optional<String> numbers(SortedSample values) {
        if (!TrainingRange.wholeNumbers(values) || values.distinctCount() != values.size()) {
            return Optional.empty();
        }
        if (values.min() >= EPOCH_SECONDS_FROM && values.max() < EPOCH_SECONDS_TO) {
            return Optional.of("a timestamp: one distinct whole number per row, all epoch seconds between 2000 and 2100");
        }
        if (values.min() >= EPOCH_SECONDS_FROM * MILLIS_PER_SECOND && values.max() < EPOCH_SECONDS_TO * MILLIS_PER_SECOND) {
            return Optional.of("a timestamp: one distinct whole number per row, all epoch milliseconds between 2000 and 2100");
        }
        if (values.size() > 1 && values.max() - values.min() == values.size() - 1) {
            return Optional.of(String.format(Locale.ROOT, "a row number: the consecutive whole numbers %s to %s, one per row",
                    YamlScalars.number(values.min()), YamlScalars.number(values.max())));
        }
        return Optional.empty();
    }

    private static Optional<String> labels(CategoryCounts counts) {
        if (counts.counts().keySet().stream().allMatch(NonFeatures::isoDateOrTime)) {
            return Optional.of("a timestamp: every value is an ISO-8601 date or time");
        }
        if (counts.counts().keySet().stream().allMatch(label -> UUID.matcher(label).matches())) {
            return Optional.of(String.format(Locale.ROOT, "an id: every value is a UUID (%d distinct in %d)",
                    counts.distinctCount(), counts.total()));
        }
        double distinctShare = (double) counts.distinctCount() / counts.total();
        if (counts.total() >= NEARLY_UNIQUE_MIN_VALUES && distinctShare >= NEARLY_UNIQUE_SHARE) {
            return Optional.of(String.format(Locale.ROOT, "nearly unique, as an id: %d distinct values in %d",
                    counts.distinctCount(), counts.total()));
        }
        return Optional.empty();
    }

    private static Optional<String> namedAsId(String name, ColumnData column) {
        if (!ID_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        if (column instanceof ColumnData.Numeric numeric) {
            SortedSample values = numeric.values();
            return TrainingRange.wholeNumbers(values) && values.distinctCount() > AllowedValues.MAX_VALUES
                    ? Optional.of(String.format(Locale.ROOT, "named as an id, and its values agree: %d distinct whole"
                    + " numbers in %d", values.distinctCount(), values.size())) : Optional.empty();
        }
        CategoryCounts counts = ((ColumnData.Categorical) column).counts();
        return counts.distinctCount() > AllowedValues.MAX_VALUES
                ? Optional.of(String.format(Locale.ROOT, "named as an id, and its values agree: %d distinct labels in %d",
                counts.distinctCount(), counts.total())) : Optional.empty();
    }

    private static boolean isoDateOrTime(String label) {
        String text = label.length() > 10 && label.charAt(10) == ' ' ? label.substring(0, 10) + 'T' + label.substring(11)
                : label;
        return parses(text, DateTimeFormatter.ISO_DATE_TIME) || parses(text, DateTimeFormatter.ISO_DATE);
    }

    private static boolean parses(String text, DateTimeFormatter format) {
        try {
            format.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
