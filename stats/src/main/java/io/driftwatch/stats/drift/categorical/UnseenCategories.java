package io.driftwatch.stats.drift.categorical;

import io.driftwatch.stats.sample.CategoryCounts;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The categories the current window holds that the reference never saw: a schema finding rather than a
 * drift score (a new enum value upstream, a renamed label), reported by name because no distance says
 * which value appeared. The chi-square test cannot see them at all, since it compares over the reference's
 * categories only.
 */
public final class UnseenCategories {
    private UnseenCategories() {
    }

    /** The current window's categories absent from the reference, in natural string order; empty if none. */
    public static List<String> in(CategoryCounts reference, CategoryCounts current) {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
        return current.counts().keySet().stream()
                .filter(category -> reference.count(category) == 0)
                .toList();
    }
}
