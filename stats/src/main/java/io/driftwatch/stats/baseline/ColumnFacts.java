package io.driftwatch.stats.baseline;

import io.driftwatch.stats.compare.ColumnType;
import org.jspecify.annotations.Nullable;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a schema-skew check needs to know about a training column without decoding its profile: how
 * many values were valid and missing, the range of a numeric column, the categories seen, and how many
 * distinct values there were. All exact: they come from every training value.
 *
 * @param count           valid values
 * @param missing         missing values (empty, null, NaN)
 * @param min             smallest valid value of a numeric column; null for a categorical one or no values
 * @param max             largest valid value of a numeric column; null for a categorical one or no values
 * @param distinctCount   distinct valid values
 * @param domain          categories seen, most frequent first (ties in category order), at most the
 *                        settings' cap; for a numeric column compared as categories its values as labels;
 *                        empty for other numeric columns
 * @param domainTruncated true when more categories were seen than {@code domain} lists
 */
public record ColumnFacts(ColumnType type, long count, long missing, @Nullable Double min, @Nullable Double max,
                          long distinctCount, List<String> domain, boolean domainTruncated) {
    public ColumnFacts {
        requireNonNull(type, "type");
        domain = List.copyOf(domain);
        if (count < 0 || missing < 0 || distinctCount < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got count " + count + ", missing " + missing
                    + ", distinct " + distinctCount);
        }
    }

    /** Share of missing values among the column's rows; 0 for no rows. */
    public double missingRate() {
        long rows = count + missing;
        return rows == 0 ? 0 : (double) missing / rows;
    }
}
