package io.driftwatch.stats.profile;

import static java.util.Objects.requireNonNull;

/**
 * How often a category occurred, as an interval that certainly holds the true count: a single value while
 * the profile counts exactly, the frequent-items sketch's hard lower and upper bounds after that.
 */
public record CategoryFrequency(String category, long lowerBound, long upperBound) {
    public CategoryFrequency {
        requireNonNull(category, "category");
        if (lowerBound < 0 || upperBound < lowerBound) {
            throw new IllegalArgumentException("bounds of category '" + category + "' must satisfy 0 <= "
                    + lowerBound + " <= " + upperBound);
        }
    }

    public boolean isExact() {
        return lowerBound == upperBound;
    }
}
