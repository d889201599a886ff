package io.driftwatch.policy.check;

import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.TestCatalog;
import io.driftwatch.stats.compare.TestOptions;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What each drift test accepts, read from the statistics themselves: which column types it has a form for
 * ({@link TestCatalog}), which threshold range its rule reads ({@link DriftDefaults#threshold}), and which options
 * change its numbers. A policy rule that one of these refuses could never run.
 */
final class TestFit {
    private static final Set<String> BINNED = Set.of("psi", "jensen_shannon", "hellinger", "kl_divergence");
    private static final Set<String> LOGARITHMIC = Set.of("jensen_shannon", "kl_divergence");

    private TestFit() {
    }

    static boolean fits(String test, ColumnType type) {
        return type == ColumnType.NUMERIC ? TestCatalog.numeric(test, TestOptions.DEFAULT).isPresent()
                : TestCatalog.categorical(test, TestOptions.DEFAULT).isPresent();
    }

    /** The tests with a form for {@code type}, in the catalog's order. */
    static List<String> testsFor(ColumnType type) {
        return TestCatalog.NAMES.stream().filter(test -> fits(test, type)).toList();
    }

    /** Why {@code level} cannot be {@code test}'s threshold, empty when it can. */
    static Optional<String> thresholdRefusal(String test, double level) {
        if (DriftDefaults.threshold(test).rule().onPValue()) {
            return level > 0 && level < 1 ? Optional.empty()
                    : Optional.of(test + " compares a p-value, so its threshold lies strictly between 0 and 1 (default "
                    + DriftDefaults.threshold(test).value() + "); got " + level);
        }
        return level > 0 ? Optional.empty()
                : Optional.of(test + " compares a distance, so its threshold is above 0 (default "
                + DriftDefaults.threshold(test).value() + "); got " + level);
    }

    /** The tests {@code option} changes, empty for an option this class does not know. */
    static Set<String> testsTaking(String option) {
        return switch (option) {
            case "binning" -> BINNED;
            case "log_base" -> LOGARITHMIC;
            case "ks_method" -> Set.of("ks");
            case "binned_estimates" -> Set.of("ks", "wasserstein");
            default -> Set.of();
        };
    }
}
