package io.driftwatch.stats.compare;

import io.driftwatch.stats.expect.ExpectationCheck;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.sample.SortedSample;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Compares a current data set with a reference: the drift tests per shared column, the schema findings,
 * and dataset drift. This is the whole of {@code driftwatch check} after the files are read; a window
 * whose profiles still hold their values gets the same numbers from {@link ProfileComparator}, which
 * shares this path. Columns are compared in parallel; the report keeps the reference's column order.
 * {@link ComparisonSettings#minCurrentRecords()} does not apply: check compares the files it is given, and
 * {@link DatasetJudgement} withholds the verdict on too few rows. A column without a single valid value is one
 * that side lacks, as the stream's {@link ProfileComparator} has it: a missing (or unexpected) column. The
 * current file's columns are checked against {@link ComparisonSettings#expectations()} on their exact values.
 */
public final class DatasetComparator {
    private final ColumnwiseComparison comparison;

    public DatasetComparator(ComparisonSettings settings) {
        this.comparison = new ColumnwiseComparison(requireNonNull(settings, "settings"));
    }

    /**
     * @param reference columns by name, in the order reports should list them
     * @param current   columns by name
     */
    public DriftComparison compare(Map<String, ? extends ColumnData> reference, Map<String, ? extends ColumnData> current) {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
        // The comparison pairs only the columns that both sides name.
        return comparison.compare(withValues(reference), withValues(current), withoutValues(reference), withoutValues(current),
                column -> new ExactColumnPair(requireNonNull(reference.get(column), column),
                        requireNonNull(current.get(column), column)),
                (column, expectation) -> ExpectationCheck.onValues(expectation, requireNonNull(current.get(column), column)),
                null);
    }

    /**
     * Like {@link #compare(Map, Map)} where some numeric columns are held as profiles because their values would
     * not fit in memory: a column both sides hold exactly is compared exactly, on the very path above; a column
     * one side sketched is compared by its sketches as the stream compares a window ({@link ProfileComparator}),
     * the other side's values fed into a profile of the same configuration, its tests' bounds turning a verdict
     * whose threshold they straddle inconclusive. The dataset verdict counts every column, exact or sketched.
     */
    public DriftComparison compare(HeldColumns reference, HeldColumns current) {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
        return comparison.compare(
                reference.order().stream().filter(reference::hasValues).toList(),
                current.order().stream().filter(current::hasValues).toList(),
                reference.order().stream().filter(column -> !reference.hasValues(column)).toList(),
                current.order().stream().filter(column -> !current.hasValues(column)).toList(),
                column -> pair(column, reference, current),
                (column, expectation) -> {
                    ColumnData exact = current.exact().get(column);
                    return exact != null ? ExpectationCheck.onValues(expectation, exact)
                            : ExpectationCheck.onProfile(expectation, requireNonNull(current.sketched().get(column), column));
                },
                null);
    }

    private static ColumnPair pair(String column, HeldColumns reference, HeldColumns current) {
        ColumnData exactReference = reference.exact().get(column);
        ColumnData exactCurrent = current.exact().get(column);
        if (exactReference != null && exactCurrent != null) {
            return new ExactColumnPair(exactReference, exactCurrent);
        }
        NumericProfile sketch = requireNonNull(exactReference == null ? reference.sketched().get(column)
                : current.sketched().get(column), column);
        return new SketchColumnPair(profileOf(column, reference, sketch), profileOf(column, current, sketch));
    }

    /** The column's profile on {@code side}: its own sketch, else its values fed into one like {@code sketched}. */
    private static ColumnProfile profileOf(String column, HeldColumns side, NumericProfile sketched) {
        NumericProfile own = side.sketched().get(column);
        if (own != null) {
            return own;
        }
        ColumnData values = requireNonNull(side.exact().get(column), column);
        if (values instanceof ColumnData.Numeric numeric) {
            NumericProfile profile = NumericProfile.create(sketched.config());
            SortedSample sample = numeric.values();
            for (int i = 0; i < sample.size(); i++) {
                profile.update(sample.get(i));
            }
            for (long i = 0; i < numeric.missingCount(); i++) {
                profile.updateNull();
            }
            return profile;
        }
        CategoricalProfile profile = CategoricalProfile.create(CategoricalProfileConfig.defaults());
        ((ColumnData.Categorical) values).counts().counts().forEach((category, count) -> {
            for (long i = 0; i < count; i++) {
                profile.update(category);
            }
        });
        for (long i = 0; i < values.missingCount(); i++) {
            profile.updateNull();
        }
        return profile;
    }

    private static List<String> withValues(Map<String, ? extends ColumnData> columns) {
        return columns.entrySet().stream().filter(entry -> entry.getValue().validCount() > 0).map(Map.Entry::getKey).toList();
    }

    private static List<String> withoutValues(Map<String, ? extends ColumnData> columns) {
        return columns.entrySet().stream().filter(entry -> entry.getValue().validCount() == 0).map(Map.Entry::getKey).toList();
    }
}
