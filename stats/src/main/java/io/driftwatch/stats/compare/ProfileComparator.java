package io.driftwatch.stats.compare;

import io.driftwatch.stats.expect.ExpectationCheck;
import io.driftwatch.stats.profile.ColumnProfile;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Compares a window's feature profiles with a reference set of profiles (a training baseline, or the
 * previous window) and gives the same {@link DriftComparison} that {@code check} gives on files.
 *
 * <p>Per feature, exact where it can be: when both profiles still hold their values (numbers under
 * {@code exactValueCap}, categories under {@code maxExactCategories}) they become {@link ColumnData} and go
 * through the very path {@link DatasetComparator} takes, so the statistics, p-values, verdicts and findings
 * are identical to check's on the same values. Otherwise each selected test runs in its sketch form
 * ({@code ks}, {@code psi}, {@code wasserstein}, {@code jensen_shannon}, {@code chi_square}); its error
 * interval turns a verdict whose threshold it straddles into {@link Verdict#INCONCLUSIVE}, and a test with
 * no sketch form is reported as not applicable. The default selection is {@link DriftDefaults}', with the
 * distinct count estimated from the sketches where the values are gone.
 *
 * <p>Columns: a feature a side has no value for at all (no profile, or a profile of nulls only) is a
 * column that side lacks, giving a missing or unexpected column as in TFDV, where an absent feature and a
 * null are the same thing. A numeric profile against a categorical one is a type change.
 *
 * <p>Small windows: when the current window holds fewer than {@link ComparisonSettings#minCurrentRecords()}
 * records (the largest record count of its profiles: every record reaches every feature's profile as a
 * value, a null or a wrong type), no test runs; every column says why and the dataset verdict counts no
 * column. Schema findings are still reported: they are facts about the records seen, not statistics.
 *
 * <p>Expectations ({@link ComparisonSettings#expectations()}) are checked on the window's profile of each
 * expected feature ({@link ExpectationCheck#onProfile}): exact while it holds its values, as {@code check}
 * checks a file, else from its sketches with what they estimate said in the finding.
 *
 * <p>Cost: a few passes over each sketch's retained items per feature, independent of the window's size:
 * with the default selection and no informing tests, 25 features of a million values each (20 numeric, 5
 * categorical with thousands of categories) compare in about 10 to 30 ms on two cores. {@code ks}, requested or
 * informing (as it does by default), costs about 22 ms of CPU per such numeric feature more: its p-value
 * (three of them, for the interval) at an effective size of 500,000 is SciPy's Smirnov sum over 500,000 terms
 * in the upper tail, where the interval's upper end lies; the 25 features then take about 0.7 to 1 s. PSI costs
 * about 0.1 ms. Thread-safe as long as no profile is updated
 * during a comparison (profiles are not thread-safe); features are compared in parallel.
 */
public final class ProfileComparator {
    private final ComparisonSettings settings;
    private final ColumnwiseComparison comparison;

    public ProfileComparator(ComparisonSettings settings) {
        this.settings = requireNonNull(settings, "settings");
        this.comparison = new ColumnwiseComparison(settings);
    }

    /**
     * @param reference profiles by feature, in the order reports should list them
     * @param current   the window's profiles by feature
     */
    public DriftComparison compare(Map<String, ? extends ColumnProfile> reference,
                               Map<String, ? extends ColumnProfile> current) {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
        return comparison.compare(featuresWithValues(reference), featuresWithValues(current),
                featuresWithNullsOnly(reference), featuresWithNullsOnly(current),
                // The comparison pairs only the features that both sides name.
                feature -> pair(requireNonNull(reference.get(feature), feature),
                        requireNonNull(current.get(feature), feature)),
                (feature, expectation) -> ExpectationCheck.onProfile(expectation,
                        requireNonNull(current.get(feature), feature)),
                notTestedReason(current));
    }

    private static ColumnPair pair(ColumnProfile reference, ColumnProfile current) {
        Optional<ColumnData> exactReference = ColumnData.heldExactly(reference);
        Optional<ColumnData> exactCurrent = ColumnData.heldExactly(current);
        if (exactReference.isPresent() && exactCurrent.isPresent()) {
            return new ExactColumnPair(exactReference.get(), exactCurrent.get());
        }
        return new SketchColumnPair(reference, current);
    }

    private @Nullable String notTestedReason(Map<String, ? extends ColumnProfile> current) {
        long windowRecords = current.values().stream().mapToLong(ColumnProfile::recordCount).max().orElse(0);
        if (windowRecords >= settings.minCurrentRecords()) {
            return null;
        }
        return String.format(Locale.ROOT, "the current window holds %d record%s, fewer than the %d a test needs"
                + " (minimum current records)", windowRecords, windowRecords == 1 ? "" : "s",
                settings.minCurrentRecords());
    }

    /** Features whose profile saw records, every one of them a null. */
    private static List<String> featuresWithNullsOnly(Map<String, ? extends ColumnProfile> profiles) {
        return profiles.entrySet().stream()
                .filter(entry -> entry.getValue().recordCount() > 0
                        && entry.getValue().recordCount() == entry.getValue().nullCount())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Features whose profile saw at least one value: a valid one, a non-finite number or a wrong type. */
    private static List<String> featuresWithValues(Map<String, ? extends ColumnProfile> profiles) {
        return profiles.entrySet().stream()
                .filter(entry -> entry.getValue().recordCount() > entry.getValue().nullCount())
                .map(Map.Entry::getKey)
                .toList();
    }
}
