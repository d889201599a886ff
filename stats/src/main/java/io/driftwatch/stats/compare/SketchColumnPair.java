package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.sketch.CategoricalSketchTest;
import io.driftwatch.stats.drift.sketch.NumericSketchTest;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoryFrequency;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.sample.SortedSample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

/**
 * A column of which at least one side's profile keeps only sketches: tests run in their sketch form (a
 * {@code Method.SKETCH} outcome whose interval {@link Threshold#decide} may find inconclusive), a test
 * without one is not applicable with the setting that would make it exact, and the schema findings come
 * from what the profiles know for certain (see {@link #unseenCategories()}) or estimate
 * ({@link ProfileRange}). The profiles must not change while the pair is in use.
 */
record SketchColumnPair(ColumnProfile reference, ColumnProfile current) implements ColumnPair {
    SketchColumnPair {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
    }

    @Override
    public ColumnType referenceType() {
        return typeOf(reference);
    }

    @Override
    public ColumnType currentType() {
        return typeOf(current);
    }

    @Override
    public long referenceCount() {
        return reference.count();
    }

    @Override
    public long currentCount() {
        return current.count();
    }

    @Override
    public long referenceMissing() {
        return reference.missingCount();
    }

    @Override
    public long currentMissing() {
        return current.missingCount();
    }

    /**
     * Numbers: the distinct values of both sides' held values, or where a side keeps only its KLL sketch,
     * of the items the sketch retains (real values, so a lower bound that misses only values too rare to
     * survive compaction). Categories: exact while both profiles count exactly, else the HLL union's estimate.
     */
    @Override
    public int distinctValues() {
        if (reference instanceof NumericProfile ref && current instanceof NumericProfile cur) {
            return ExactColumnPair.distinctUnion(knownValues(ref), knownValues(cur));
        }
        double estimate = ((CategoricalProfile) reference).distinctCountEstimateWith((CategoricalProfile) current);
        return (int) Math.min(Integer.MAX_VALUE, Math.round(estimate));
    }

    @Override
    public boolean canCompareNumbersAsCategories() {
        return false;
    }

    @Override
    public TestAttempt attempt(String test, boolean asCategories, TestOptions options) {
        try {
            if (reference instanceof NumericProfile ref && current instanceof NumericProfile cur) {
                return asCategories ? new TestAttempt.NotRun("compares the values as categories, which needs their"
                        + " exact counts; " + sketchedSide() + " holds a quantile sketch (raise exactValueCap to"
                        + " test it exactly)") : numeric(test, options, ref, cur);
            }
            return categorical(test, options, (CategoricalProfile) reference, (CategoricalProfile) current);
        } catch (IllegalArgumentException e) {
            return new TestAttempt.NotRun(requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        }
    }

    private TestAttempt numeric(String test, TestOptions options, NumericProfile ref, NumericProfile cur) {
        Optional<NumericSketchTest> sketchForm = TestCatalog.numericSketch(test, options);
        if (sketchForm.isPresent()) {
            return new TestAttempt.Ran(sketchForm.get().compare(ref, cur));
        }
        if (TestCatalog.numeric(test, options).isEmpty()) {
            return new TestAttempt.NotRun("compares categories; this column holds numbers");
        }
        TestOptions decileBins = new TestOptions(Binning.QUANTILE, options.logBase(), options.ksMethod(), options.binnedEstimates());
        String binningNote = TestCatalog.numericSketch(test, decileBins).isPresent()
                ? " with binning " + options.binning().name().toLowerCase(Locale.ROOT)
                + " (its sketch form bins at the reference deciles only)" : "";
        return new TestAttempt.NotRun("needs raw values" + binningNote + "; " + sketchedSide()
                + " holds sketches (raise exactValueCap to test it exactly)");
    }

    private TestAttempt categorical(String test, TestOptions options, CategoricalProfile ref, CategoricalProfile cur) {
        Optional<CategoricalSketchTest> sketchForm = TestCatalog.categoricalSketch(test, options);
        if (sketchForm.isPresent()) {
            return new TestAttempt.Ran(sketchForm.get().compare(ref, cur));
        }
        if (TestCatalog.categorical(test, options).isEmpty()) {
            return new TestAttempt.NotRun("needs numbers; this column holds categories");
        }
        return new TestAttempt.NotRun("needs exact counts; " + sketchedSide()
                + " holds sketches (raise maxExactCategories to test it exactly)");
    }

    /**
     * Categories the current profile certainly holds (count lower bound above 0) and the reference
     * certainly never saw (count upper bound 0: the reference counts exactly, or its frequent-items sketch
     * has never had to drop a count). A reference sketch that did may have seen any untracked category up
     * to its maximum error, so nothing is claimed then.
     */
    @Override
    public List<String> unseenCategories() {
        if (!(reference instanceof CategoricalProfile ref && current instanceof CategoricalProfile cur)) {
            return List.of();
        }
        List<String> unseen = new ArrayList<>();
        for (CategoryFrequency frequency : cur.frequencies()) {
            if (frequency.lowerBound() > 0 && ref.frequency(frequency.category()).upperBound() == 0) {
                unseen.add(frequency.category());
            }
        }
        return unseen;
    }

    @Override
    public List<SchemaFinding> findings(String column, SchemaChecks checks, List<String> unseen) {
        List<SchemaFinding> findings = new ArrayList<>();
        SchemaChecks.unseenCategories(column, unseen).ifPresent(findings::add);
        if (reference instanceof NumericProfile ref && current instanceof NumericProfile cur
                && ref.count() > 0 && cur.count() > 0) {
            ProfileRange.outOfRange(column, ref, cur).ifPresent(findings::add);
        }
        checks.missingRateJump(column, missingRate(reference), missingRate(current)).ifPresent(findings::add);
        return findings;
    }

    /** Which side lacks its raw values, for the reasons a report gives: usually the window. */
    private String sketchedSide() {
        return ColumnData.heldExactly(current).isEmpty() ? "this window" : "the reference";
    }

    private static SortedSample knownValues(NumericProfile profile) {
        return profile.exactSample().orElseGet(() -> SortedSample.ofOwned(
                profile.sketch().getSortedView().getQuantiles()));
    }

    private static double missingRate(ColumnProfile profile) {
        long records = profile.recordCount();
        return records == 0 ? 0 : (double) profile.missingCount() / records;
    }

    private static ColumnType typeOf(ColumnProfile profile) {
        return profile instanceof NumericProfile ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
    }
}
