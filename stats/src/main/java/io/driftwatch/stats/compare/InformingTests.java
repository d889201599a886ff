package io.driftwatch.stats.compare;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The tests every report carries beside the ones that decide, so a reader always sees the familiar KS and
 * PSI numbers even where the default selection decides with Wasserstein or Jensen-Shannon. They inform and
 * never decide: their results go to {@link ColumnReport#informational()}, which no verdict, severity score,
 * trigger or alert reads. A test that already decides on a column is not repeated, and one that cannot run on
 * a column (no sketch form for the binning, a degenerate sample) is left out. Immutable.
 *
 * @param numeric     tests for numeric columns compared as numbers
 * @param categorical tests for categorical columns and numeric columns compared as categories
 */
public record InformingTests(List<String> numeric, List<String> categorical) {
    /** KS and PSI on numbers, PSI on categories: what the project's design promises every report shows. */
    public static final InformingTests DEFAULT = new InformingTests(List.of("ks", "psi"), List.of("psi"));
    /** No informational test: reports carry only the deciding tests. */
    public static final InformingTests NONE = new InformingTests(List.of(), List.of());

    /**
     * @throws IllegalArgumentException naming the test when one is unknown or has no form for its kind of column
     */
    public InformingTests {
        numeric = List.copyOf(requireNonNull(numeric, "numeric"));
        categorical = List.copyOf(requireNonNull(categorical, "categorical"));
        for (String test : numeric) {
            if (TestCatalog.numeric(TestCatalog.requireKnown(test), TestOptions.DEFAULT).isEmpty()) {
                throw new IllegalArgumentException("test '" + test + "' compares categories; it cannot inform on numbers");
            }
        }
        for (String test : categorical) {
            if (TestCatalog.categorical(TestCatalog.requireKnown(test), TestOptions.DEFAULT).isEmpty()) {
                throw new IllegalArgumentException("test '" + test + "' needs numbers; it cannot inform on categories");
            }
        }
    }

    /** The informing tests of a column compared as categories ({@code true}) or as numbers. */
    public List<String> of(boolean asCategories) {
        return asCategories ? categorical : numeric;
    }
}
