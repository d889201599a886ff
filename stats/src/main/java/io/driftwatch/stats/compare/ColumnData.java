package io.driftwatch.stats.compare;

import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One column of one data set, as the comparison needs it: the valid values and how many were missing.
 * A file reader or a profile that still holds its values ({@link #heldExactly}) produces it; the tests never
 * see missing values.
 */
public sealed interface ColumnData {

    /**
     * The column a profile holds exactly: its sorted values (numbers) or its category counts, with every
     * record without a valid value counted as missing (null, wrong type, NaN or infinite). Empty once the
     * profile keeps only its sketches.
     */
    static Optional<ColumnData> heldExactly(ColumnProfile profile) {
        requireNonNull(profile, "profile");
        if (profile instanceof NumericProfile numeric) {
            return numeric.exactSample().map(values -> new Numeric(values, numeric.missingCount()));
        }
        CategoricalProfile categorical = (CategoricalProfile) profile;
        return categorical.exactCounts().map(counts -> new Categorical(counts, categorical.missingCount()));
    }

    ColumnType type();

    /** Number of valid (non-missing) values. */
    long validCount();

    /** Number of missing values (null, empty, NaN). */
    long missingCount();

    /** Share of missing values among all rows; 0 for a column with no rows. */
    default double missingRate() {
        long rows = validCount() + missingCount();
        return rows == 0 ? 0 : (double) missingCount() / rows;
    }

    /** A numeric column: its finite values sorted, and its missing values counted. */
    record Numeric(SortedSample values, long missingCount) implements ColumnData {
        public Numeric {
            requireNonNull(values, "values");
            if (missingCount < 0) {
                throw new IllegalArgumentException("missingCount must be >= 0, got " + missingCount);
            }
        }

        @Override
        public ColumnType type() {
            return ColumnType.NUMERIC;
        }

        @Override
        public long validCount() {
            return values.size();
        }
    }

    /** A categorical column: exact counts per category, and its missing values counted. */
    record Categorical(CategoryCounts counts, long missingCount) implements ColumnData {
        public Categorical {
            requireNonNull(counts, "counts");
            if (missingCount < 0) {
                throw new IllegalArgumentException("missingCount must be >= 0, got " + missingCount);
            }
        }

        @Override
        public ColumnType type() {
            return ColumnType.CATEGORICAL;
        }

        @Override
        public long validCount() {
            return counts.total();
        }
    }
}
