package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.LogBase;
import io.driftwatch.stats.drift.numeric.KsMethod;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.KllSeed;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Window comparisons: the minimum window size, and what a sketch-only window can and cannot test. */
class ProfileComparatorTest {
    private static final NumericProfileConfig SKETCH_ONLY = new NumericProfileConfig(NumericProfileConfig.DEFAULT_KLL_K, 0);
    private static final NumericProfileConfig HOLDS_VALUES = NumericProfileConfig.defaults();
    private static final String NEEDS_RAW_VALUES = "needs raw values; this window holds sketches"
            + " (raise exactValueCap to test it exactly)";

    @BeforeEach
    void repeatableSketches() {
        KllSeed.reset(77L);
    }

    @Test
    void noTestRunsOnAWindowBelowTheMinimumAndTheDatasetCountsNoColumn() {
        NumericProfile window = normal(SKETCH_ONLY, 60, 3.0);
        for (int i = 0; i < 39; i++) {
            window.updateNull();
        }

        DriftComparison report = new ProfileComparator(ComparisonSettings.DEFAULT).compare(
                Map.of("income", normal(SKETCH_ONLY, 5_000, 0.0)), Map.of("income", window));

        ColumnReport income = report.columns().get("income");
        assertThat(income.tests()).isEmpty();
        assertThat(income.notApplicable()).containsExactly(Map.entry("default",
                "the current window holds 99 records, fewer than the 100 a test needs (minimum current records)"));
        assertThat(report.dataset().columns()).isZero();
        assertThat(report.dataset().driftDetected()).isFalse();
        assertThat(report.schemaFindings()).extracting(SchemaFinding::kind)
                .containsExactly(SchemaFinding.Kind.OUT_OF_RANGE, SchemaFinding.Kind.MISSING_RATE_JUMP);
    }

    @Test
    void aFeatureWhoseWindowHoldsOnlyNullsIsMissingWithTheDetailCheckGives() {
        NumericProfile empty = NumericProfile.create(HOLDS_VALUES);
        for (int i = 0; i < 150; i++) {
            empty.updateNull();
        }
        DriftComparison report = new ProfileComparator(ComparisonSettings.DEFAULT).compare(
                Map.of("income", normal(HOLDS_VALUES, 500, 0.0), "age", normal(HOLDS_VALUES, 500, 0.0)),
                Map.of("income", empty, "age", normal(HOLDS_VALUES, 150, 0.0)));
        SchemaFinding missing = report.schemaFindings().stream()
                .filter(finding -> finding.column().equals("income")).findFirst().orElseThrow();
        assertThat(missing.kind()).isEqualTo(SchemaFinding.Kind.MISSING_COLUMN);
        assertThat(missing.detail()).contains("every current row is missing it (missing share 100%)");
    }

    @Test
    void aWindowAtTheMinimumIsTestedCountingItsMissingValuesAsRecords() {
        NumericProfile window = normal(SKETCH_ONLY, 60, 3.0);
        for (int i = 0; i < 40; i++) {
            window.updateNull();
        }

        DriftComparison report = new ProfileComparator(ComparisonSettings.DEFAULT).compare(
                Map.of("income", normal(SKETCH_ONLY, 5_000, 0.0)), Map.of("income", window));

        assertThat(report.columns().get("income").tests()).containsOnlyKeys("wasserstein");
        assertThat(report.columns().get("income").verdict()).isEqualTo(Verdict.DRIFT);
        assertThat(report.dataset().columns()).isEqualTo(1);
    }

    @Test
    void theMinimumIsConfigurable() {
        ComparisonSettings settings = ComparisonSettings.DEFAULT.withMinCurrentRecords(1_000);

        DriftComparison report = new ProfileComparator(settings).compare(
                Map.of("income", normal(SKETCH_ONLY, 5_000, 0.0)), Map.of("income", normal(SKETCH_ONLY, 999, 0.0)));

        assertThat(report.columns().get("income").notApplicable()).containsExactly(Map.entry("default",
                "the current window holds 999 records, fewer than the 1000 a test needs (minimum current records)"));
    }

    @Test
    void aRequestedTestWithoutASketchFormIsNotApplicableWithTheSettingThatWouldMakeItExact() {
        ComparisonSettings settings = tests("ks", "anderson_darling", "hellinger", "chi_square");

        DriftComparison report = new ProfileComparator(settings).compare(
                Map.of("income", normal(SKETCH_ONLY, 5_000, 0.0), "city", cities(5_000, 0)),
                Map.of("income", normal(SKETCH_ONLY, 5_000, 0.0), "city", cities(5_000, 1)));

        ColumnReport income = report.columns().get("income");
        assertThat(income.tests()).containsOnlyKeys("ks");
        assertThat(income.tests().get("ks").outcome().method()).isEqualTo(Method.SKETCH);
        assertThat(income.notApplicable()).containsEntry("anderson_darling", NEEDS_RAW_VALUES)
                .containsEntry("chi_square", "compares categories, and the column is numeric with more than 50"
                        + " distinct values; declare the column categorical to compare its values as categories");
        ColumnReport city = report.columns().get("city");
        assertThat(city.tests()).containsOnlyKeys("chi_square");
        assertThat(city.notApplicable()).containsEntry("hellinger", "needs exact counts; this window holds sketches"
                + " (raise maxExactCategories to test it exactly)").containsEntry("ks", "needs numbers; this column holds categories");
    }

    @Test
    void decileSketchFormsDoNotStandInForAnotherBinning() {
        ComparisonSettings settings = tests("psi", "wasserstein")
                .withOptions(new TestOptions(Binning.STURGES, LogBase.E, KsMethod.AUTO));

        ColumnReport income = new ProfileComparator(settings).compare(Map.of("income", normal(SKETCH_ONLY, 5_000, 0.0)),
                Map.of("income", normal(SKETCH_ONLY, 5_000, 0.0))).columns().get("income");

        assertThat(income.tests()).containsOnlyKeys("wasserstein");
        assertThat(income.notApplicable()).containsExactly(Map.entry("psi", "needs raw values with binning sturges"
                + " (its sketch form bins at the reference deciles only); this window holds sketches"
                + " (raise exactValueCap to test it exactly)"));
    }

    @Test
    void aFewValuedNumericFeatureHeldOnlyBySketchesGetsTheNumericTestForItsReferenceSize() {
        ColumnReport flag = new ProfileComparator(ComparisonSettings.DEFAULT).compare(
                Map.of("flag", zerosAndOnes(SKETCH_ONLY, 5_000, 0.3)), Map.of("flag", zerosAndOnes(SKETCH_ONLY, 5_000, 0.5)))
                .columns().get("flag");

        assertThat(flag.comparedAsCategories()).isFalse();
        assertThat(flag.notApplicable()).containsOnlyKeys("jensen_shannon");
        assertThat(flag.tests()).containsOnlyKeys("wasserstein");
        assertThat(flag.verdict()).isEqualTo(Verdict.DRIFT);
    }

    @Test
    void aFewValuedNumericFeatureHeldExactlyIsComparedAsCategoriesAsCheckDoes() {
        ColumnReport flag = new ProfileComparator(ComparisonSettings.DEFAULT).compare(
                Map.of("flag", zerosAndOnes(HOLDS_VALUES, 2_000, 0.3)), Map.of("flag", zerosAndOnes(HOLDS_VALUES, 2_000, 0.5)))
                .columns().get("flag");

        assertThat(flag.comparedAsCategories()).isTrue();
        assertThat(flag.tests()).containsOnlyKeys("jensen_shannon");
        assertThat(flag.tests().get("jensen_shannon").outcome().method()).isEqualTo(Method.EXACT);
    }

    @Test
    void aWindowHeldExactlyAgainstASketchedBaselineStillRunsTheSketchForm() {
        ColumnReport income = new ProfileComparator(ComparisonSettings.DEFAULT).compare(
                Map.of("income", normal(SKETCH_ONLY, 50_000, 0.0)), Map.of("income", normal(HOLDS_VALUES, 1_000, 0.0)))
                .columns().get("income");

        assertThat(income.tests().get("wasserstein").outcome().method()).isEqualTo(Method.SKETCH);
        assertThat(income.verdict()).isIn(Verdict.NO_DRIFT, Verdict.INCONCLUSIVE);
    }

    private static ComparisonSettings tests(String... names) {
        return new ComparisonSettings(TestOptions.DEFAULT, List.of(names), Map.of(), Map.of(), Map.of(),
                DriftDefaults.DATASET_DRIFT_SHARE, DriftDefaults.MISSING_RATE_JUMP);
    }

    private static NumericProfile normal(NumericProfileConfig config, int size, double mean) {
        Random random = new Random(size * 7L + (long) mean);
        NumericProfile profile = NumericProfile.create(config);
        for (int i = 0; i < size; i++) {
            profile.update(mean + random.nextGaussian());
        }
        return profile;
    }

    private static NumericProfile zerosAndOnes(NumericProfileConfig config, int size, double shareOfOnes) {
        NumericProfile profile = NumericProfile.create(config);
        for (int i = 0; i < size; i++) {
            profile.update(i < shareOfOnes * size ? 1 : 0);
        }
        return profile;
    }

    /** Ten cities, more than the 2 the profile counts exactly; {@code shift} moves weight to later cities. */
    private static CategoricalProfile cities(int size, int shift) {
        Random random = new Random(size + shift);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add("city-" + Math.min(9, (int) Math.abs(random.nextGaussian() * 3) + shift));
        }
        return CategoricalProfile.of(new CategoricalProfileConfig(2, 4, 8), values);
    }
}
