package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.Method;
import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.LogBase;
import io.driftwatch.stats.drift.numeric.KsMethod;
import io.driftwatch.stats.golden.GoldenCase;
import io.driftwatch.stats.golden.GoldenCases;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * While both profiles of a feature hold their values, a window report must be check's report: the golden
 * cases become the columns of one data set (with missing values and schema differences added), are compared
 * once as raw columns by {@link DatasetComparator} and once as profiles, and the two reports must agree in
 * every field.
 */
class ProfileComparatorExactPathTest {
    /** Large enough to hold the biggest golden case (20,000 values) exactly. */
    private static final NumericProfileConfig HOLDS_EVERY_VALUE = new NumericProfileConfig(
            NumericProfileConfig.DEFAULT_KLL_K, 1 << 15);
    private static final CategoricalProfileConfig CATEGORIES = CategoricalProfileConfig.defaults();

    static Stream<ComparisonSettings> settings() {
        ComparisonSettings everyTest = new ComparisonSettings(TestOptions.DEFAULT, TestCatalog.NAMES, Map.of(), Map.of(),
                Map.of(), DriftDefaults.DATASET_DRIFT_SHARE, DriftDefaults.MISSING_RATE_JUMP);
        TestOptions nannyml = new TestOptions(Binning.DOANE, LogBase.TWO, KsMethod.AUTO, true);
        return Stream.of(ComparisonSettings.DEFAULT, everyTest, everyTest.withOptions(nannyml));
    }

    @ParameterizedTest
    @MethodSource("settings")
    void profilesHoldingTheirValuesGiveCheckReportFieldByField(ComparisonSettings settings) {
        Map<String, ColumnData> referenceColumns = new LinkedHashMap<>();
        Map<String, ColumnData> currentColumns = new LinkedHashMap<>();
        Map<String, ColumnProfile> referenceProfiles = new LinkedHashMap<>();
        Map<String, ColumnProfile> currentProfiles = new LinkedHashMap<>();
        for (GoldenCase golden : GoldenCases.all()) {
            // Missing values on the current side only, more for some cases: a missing-rate jump on those.
            int nulls = golden.name().startsWith("normal") ? 200 : 3;
            put(golden.name(), GoldenColumns.reference(golden, HOLDS_EVERY_VALUE, CATEGORIES, 0, 0, 0),
                    referenceColumns, referenceProfiles);
            put(golden.name(), GoldenColumns.current(golden, HOLDS_EVERY_VALUE, CATEGORIES, nulls, 2, 1),
                    currentColumns, currentProfiles);
        }
        GoldenCase numbers = GoldenCases.load("normal_same");
        GoldenCase labels = GoldenCases.load("cat_same");
        put("gone", GoldenColumns.reference(numbers, HOLDS_EVERY_VALUE, CATEGORIES, 0, 0, 0), referenceColumns, referenceProfiles);
        put("code", GoldenColumns.reference(numbers, HOLDS_EVERY_VALUE, CATEGORIES, 0, 0, 0), referenceColumns, referenceProfiles);
        put("code", GoldenColumns.current(labels, HOLDS_EVERY_VALUE, CATEGORIES, 0, 0, 0), currentColumns, currentProfiles);
        put("extra", GoldenColumns.current(labels, HOLDS_EVERY_VALUE, CATEGORIES, 0, 0, 0), currentColumns, currentProfiles);

        DriftComparison fromValues = new DatasetComparator(settings).compare(referenceColumns, currentColumns);
        DriftComparison fromProfiles = new ProfileComparator(settings).compare(referenceProfiles, currentProfiles);

        assertThat(fromProfiles).usingRecursiveComparison().isEqualTo(fromValues);
        assertThat(fromProfiles).isEqualTo(fromValues);
        assertThat(fromProfiles.schemaFindings()).extracting(f -> f.kind().label()).contains("missing_column",
                "unexpected_column", "type_change", "unseen_category", "out_of_range", "missing_rate_jump");
        assertThat(fromProfiles.columns().get("normal_shift").tests().values())
                .allSatisfy(verdict -> assertThat(verdict.outcome().method()).isNotEqualTo(Method.SKETCH));
    }

    @Test
    void aWindowHeldExactlyCarriesCheckInformationalNumbersBitForBit() {
        Map<String, ColumnData> referenceColumns = new LinkedHashMap<>();
        Map<String, ColumnData> currentColumns = new LinkedHashMap<>();
        Map<String, ColumnProfile> referenceProfiles = new LinkedHashMap<>();
        Map<String, ColumnProfile> currentProfiles = new LinkedHashMap<>();
        for (GoldenCase golden : GoldenCases.all()) {
            put(golden.name(), GoldenColumns.reference(golden, HOLDS_EVERY_VALUE, CATEGORIES, 0, 0, 0),
                    referenceColumns, referenceProfiles);
            put(golden.name(), GoldenColumns.current(golden, HOLDS_EVERY_VALUE, CATEGORIES, 0, 0, 0),
                    currentColumns, currentProfiles);
        }

        DriftComparison fromValues = new DatasetComparator(ComparisonSettings.DEFAULT).compare(referenceColumns, currentColumns);
        DriftComparison fromProfiles = new ProfileComparator(ComparisonSettings.DEFAULT).compare(referenceProfiles, currentProfiles);

        for (GoldenCase golden : GoldenCases.all()) {
            Map<String, TestVerdict> informational = fromProfiles.columns().get(golden.name()).informational();
            assertThat(informational).as(golden.name()).isEqualTo(fromValues.columns().get(golden.name()).informational());
            assertThat(informational.keySet()).as(golden.name()).isNotEmpty();
        }
        assertThat(fromProfiles.columns().get("normal_scale_large").informational().keySet()).containsExactly("ks", "psi");
        assertThat(fromProfiles.columns().get("cat_same").informational().keySet()).containsExactly("psi");
    }

    @Test
    void theExactPathReproducesScipysKsOnEveryNumericGoldenCase() {
        List<GoldenCase> numeric = GoldenCases.all().stream().filter(GoldenCase::isNumeric).toList();
        Map<String, ColumnProfile> reference = new LinkedHashMap<>();
        Map<String, ColumnProfile> current = new LinkedHashMap<>();
        for (GoldenCase golden : numeric) {
            reference.put(golden.name(), GoldenColumns.reference(golden, HOLDS_EVERY_VALUE, CATEGORIES, 0, 0, 0).profile());
            current.put(golden.name(), GoldenColumns.current(golden, HOLDS_EVERY_VALUE, CATEGORIES, 0, 0, 0).profile());
        }
        ComparisonSettings ksOnly = new ComparisonSettings(TestOptions.DEFAULT, List.of("ks"), Map.of(), Map.of(), Map.of(),
                DriftDefaults.DATASET_DRIFT_SHARE, DriftDefaults.MISSING_RATE_JUMP, 0, Map.of());

        DriftComparison report = new ProfileComparator(ksOnly).compare(reference, current);

        for (GoldenCase golden : numeric) {
            TestVerdict ks = report.columns().get(golden.name()).tests().get("ks");
            assertThat(ks.outcome().statistic()).as(golden.name())
                    .isCloseTo(golden.expected("ks", "statistic"), within(GoldenCases.STATISTIC_TOLERANCE));
            assertThat(GoldenCases.pValueClose(ks.outcome().pValue(), golden.expected("ks", "pvalue"))).as(golden.name()).isTrue();
        }
    }

    private static void put(String name, GoldenColumns columns, Map<String, ColumnData> data,
                            Map<String, ColumnProfile> profiles) {
        data.put(name, columns.column());
        profiles.put(name, columns.profile());
    }
}
