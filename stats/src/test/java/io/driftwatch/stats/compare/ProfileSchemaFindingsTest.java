package io.driftwatch.stats.compare;

import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.KllSeed;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.driftwatch.stats.compare.SchemaFinding.Kind.MISSING_COLUMN;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.MISSING_RATE_JUMP;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.OUT_OF_RANGE;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.TYPE_CHANGE;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.UNEXPECTED_COLUMN;
import static io.driftwatch.stats.compare.SchemaFinding.Kind.UNSEEN_CATEGORY;
import static org.assertj.core.api.Assertions.assertThat;

/** Every schema finding a window comparison can make from profiles that keep only their sketches. */
class ProfileSchemaFindingsTest {
    private static final NumericProfileConfig SKETCH_ONLY = new NumericProfileConfig(NumericProfileConfig.DEFAULT_KLL_K, 0);
    private static final NumericProfileConfig HOLDS_VALUES = new NumericProfileConfig(NumericProfileConfig.DEFAULT_KLL_K, 1 << 20);
    private static final CategoricalProfileConfig EXACT_CATEGORIES = CategoricalProfileConfig.defaults();
    /** Two exact categories, then a frequent-items map of 8 slots. */
    private static final CategoricalProfileConfig FEW_EXACT_CATEGORIES = new CategoricalProfileConfig(2, 3, 8);

    private final ProfileComparator comparator = new ProfileComparator(ComparisonSettings.DEFAULT);

    @BeforeEach
    void repeatableSketches() {
        KllSeed.reset(20_240_611L);
    }

    @Test
    void aFeatureTheWindowHasNoValueForIsAMissingColumn() {
        NumericProfile onlyNulls = NumericProfile.create(SKETCH_ONLY);
        for (int i = 0; i < 500; i++) {
            onlyNulls.updateNull();
        }
        Map<String, ColumnProfile> reference = ordered("income", numbers(SKETCH_ONLY, 0, 5000), "city",
                labels(EXACT_CATEGORIES, Map.of("oslo", 300, "rome", 300)), "age", numbers(SKETCH_ONLY, 0, 5000));
        Map<String, ColumnProfile> current = ordered("income", onlyNulls, "age", numbers(SKETCH_ONLY, 0, 5000));

        DriftComparison report = comparator.compare(reference, current);

        assertThat(report.schemaFindings()).containsExactly(
                new SchemaFinding("income", MISSING_COLUMN, SchemaFinding.Severity.ERROR,
                        "in the reference, but every current row is missing it (missing share 100%): a broken feed"),
                new SchemaFinding("city", MISSING_COLUMN, SchemaFinding.Severity.ERROR, "in the reference but not in the current data"));
        assertThat(report.columns().keySet()).containsExactly("age");
    }

    @Test
    void aFeatureOnlyTheWindowHasIsAnUnexpectedColumn() {
        DriftComparison report = comparator.compare(ordered("age", numbers(SKETCH_ONLY, 0, 5000)),
                ordered("age", numbers(SKETCH_ONLY, 0, 5000), "score", numbers(SKETCH_ONLY, 0, 5000)));

        assertThat(report.schemaFindings()).containsExactly(new SchemaFinding("score", UNEXPECTED_COLUMN,
                SchemaFinding.Severity.WARNING, "in the current data but not in the reference"));
    }

    @Test
    void aNumericProfileAgainstACategoricalOneIsATypeChangeAndIsNotTested() {
        DriftComparison report = comparator.compare(ordered("zip", numbers(SKETCH_ONLY, 0, 5000)),
                ordered("zip", labels(FEW_EXACT_CATEGORIES, Map.of("0150", 900, "0151", 900, "N/A", 900))));

        assertThat(report.schemaFindings()).extracting(SchemaFinding::kind).containsExactly(TYPE_CHANGE);
        assertThat(report.schemaFindings().get(0).detail())
                .isEqualTo("the reference holds numeric values, the current data categorical values; the column was not tested");
        assertThat(report.columns()).isEmpty();
        assertThat(report.dataset().columns()).isZero();
    }

    @Test
    void aCategoryTheWindowSketchCertainlyHoldsAndTheExactReferenceNeverSawIsUnseen() {
        CategoricalProfile current = labels(FEW_EXACT_CATEGORIES, Map.of("oslo", 400, "rome", 400, "lima", 300));
        assertThat(current.isExact()).isFalse();

        DriftComparison report = comparator.compare(ordered("city", labels(EXACT_CATEGORIES, Map.of("oslo", 500, "rome", 500))),
                ordered("city", current));

        assertThat(report.columns().get("city").unseenCategories()).containsExactly("lima");
        assertThat(report.schemaFindings()).containsExactly(new SchemaFinding("city", UNSEEN_CATEGORY,
                SchemaFinding.Severity.WARNING, "1 category the reference never saw: 'lima'"));
    }

    @Test
    void aReferenceSketchThatDroppedCountsClaimsNoUnseenCategory() {
        Map<String, Integer> manyCities = new LinkedHashMap<>();
        IntStream.range(0, 40).forEach(i -> manyCities.put("city-" + i, 50 + i));
        CategoricalProfile reference = labels(FEW_EXACT_CATEGORIES, manyCities);
        assertThat(reference.maximumError()).isPositive();
        Map<String, Integer> withNewCity = new LinkedHashMap<>(manyCities);
        withNewCity.put("atlantis", 500);

        DriftComparison report = comparator.compare(ordered("city", reference),
                ordered("city", labels(FEW_EXACT_CATEGORIES, withNewCity)));

        assertThat(report.columns().get("city").unseenCategories()).isEmpty();
        assertThat(report.schemaFindings()).extracting(SchemaFinding::kind).doesNotContain(UNSEEN_CATEGORY);
    }

    @Test
    void theShareOutsideTheReferenceRangeIsEstimatedFromTheWindowSketchWithinItsRankError() {
        NumericProfile reference = numbers(SKETCH_ONLY, 0, 100_000);
        NumericProfile threePercentAbove = numbers(SKETCH_ONLY, 0, 97_000);
        threePercentAbove.merge(numbers(SKETCH_ONLY, 200_000, 203_000));

        DriftComparison report = comparator.compare(ordered("x", reference), ordered("x", threePercentAbove));

        assertThat(report.schemaFindings()).extracting(SchemaFinding::kind).containsExactly(OUT_OF_RANGE);
        String detail = report.schemaFindings().get(0).detail();
        Matcher shares = Pattern.compile("about ([0-9.]+)% of 100000 current values lie outside the reference range"
                + " \\[0, 99999]: 0.0% below, ([0-9.]+)% above \\(estimated from the window's quantile sketch,"
                + " within ([0-9.]+)%\\)").matcher(detail);
        assertThat(shares.matches()).as(detail).isTrue();
        double error = Double.parseDouble(shares.group(3));
        assertThat(error).isEqualTo(Math.round(threePercentAbove.normalizedRankError() * 1000) / 10.0);
        // The detail rounds to 0.1%: allow that on top of the rank error.
        assertThat(Double.parseDouble(shares.group(1))).isBetween(3.0 - error - 0.05, 3.0 + error + 0.05);
    }

    @Test
    void aShareOutsideTheRangeBelowTheThresholdIsNoFindingEvenFromSketches() {
        NumericProfile current = numbers(SKETCH_ONLY, 0, 99_700);
        current.merge(numbers(SKETCH_ONLY, -1_000, -700));

        DriftComparison report = comparator.compare(ordered("x", numbers(SKETCH_ONLY, 0, 100_000)), ordered("x", current));

        assertThat(report.schemaFindings()).isEmpty();
    }

    @Test
    void aWindowThatHoldsItsValuesCountsTheShareOutsideASketchedReferenceAsCheckDoes() {
        double[] referenceValues = range(0, 50_000);
        double[] currentValues = range(-500, 4_500);

        DriftComparison fromProfiles = comparator.compare(ordered("x", NumericProfile.of(SKETCH_ONLY, referenceValues)),
                ordered("x", NumericProfile.of(HOLDS_VALUES, currentValues)));
        DriftComparison fromValues = new DatasetComparator(ComparisonSettings.DEFAULT).compare(
                Map.of("x", new ColumnData.Numeric(SortedSample.of(referenceValues), 0)),
                Map.of("x", new ColumnData.Numeric(SortedSample.of(currentValues), 0)));

        assertThat(fromProfiles.schemaFindings()).isEqualTo(fromValues.schemaFindings());
        assertThat(fromProfiles.schemaFindings().get(0).detail())
                .isEqualTo("500 of 5000 current values (10.0%) lie outside the reference range [0, 49999]: 500 below, 0 above");
    }

    @Test
    void aJumpInMissingValuesIsReportedFromTheProfilesCounts() {
        NumericProfile current = numbers(SKETCH_ONLY, 0, 7_000);
        for (int i = 0; i < 2_000; i++) {
            current.updateNull();
        }
        for (int i = 0; i < 500; i++) {
            current.update(Double.NaN);
        }
        for (int i = 0; i < 500; i++) {
            current.updateWrongType();
        }

        DriftComparison report = comparator.compare(ordered("x", numbers(SKETCH_ONLY, 0, 10_000)), ordered("x", current));

        assertThat(report.schemaFindings()).containsExactly(new SchemaFinding("x", MISSING_RATE_JUMP,
                SchemaFinding.Severity.WARNING, "missing values rose from 0.0% to 30.0% of rows"));
        assertThat(report.columns().get("x").currentMissing()).isEqualTo(3_000);
    }

    private static NumericProfile numbers(NumericProfileConfig config, int from, int to) {
        return NumericProfile.of(config, range(from, to));
    }

    /** from, from + 1, ..., to - 1, shuffled so that the sketch sees no sorted stream. */
    private static double[] range(int from, int to) {
        List<Double> values = new ArrayList<>();
        IntStream.range(from, to).forEach(i -> values.add((double) i));
        Collections.shuffle(values, new Random(from * 31L + to));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static CategoricalProfile labels(CategoricalProfileConfig config, Map<String, Integer> counts) {
        List<String> values = new ArrayList<>();
        counts.forEach((category, n) -> IntStream.range(0, n).forEach(i -> values.add(category)));
        Collections.shuffle(values, new Random(counts.size()));
        return CategoricalProfile.of(config, values);
    }

    private static Map<String, ColumnProfile> ordered(Object... namesAndProfiles) {
        Map<String, ColumnProfile> profiles = new LinkedHashMap<>();
        for (int i = 0; i < namesAndProfiles.length; i += 2) {
            profiles.put((String) namesAndProfiles[i], (ColumnProfile) namesAndProfiles[i + 1]);
        }
        return profiles;
    }
}
