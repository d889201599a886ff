package io.driftwatch.stats.compare;

import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;

import static java.util.Objects.requireNonNull;

/**
 * One column of one data set, as the comparison needs it: the valid values and how many were missing.
 * A file reader or a window's exact buffer produces it; the tests never see missing values.
 */
public sealed interface ColumnData {

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
