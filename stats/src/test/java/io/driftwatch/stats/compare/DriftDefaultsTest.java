package io.driftwatch.stats.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DriftDefaultsTest {

    @Test
    void smallReferencesGetEvidentlysPValueTests() {
        assertThat(DriftDefaults.defaultTest(ColumnType.NUMERIC, 1000, 6)).isEqualTo(new DriftDefaults.TestChoice("ks", false));
        assertThat(DriftDefaults.defaultTest(ColumnType.NUMERIC, 1000, 5)).isEqualTo(new DriftDefaults.TestChoice("chi_square", true));
        assertThat(DriftDefaults.defaultTest(ColumnType.NUMERIC, 1000, 2)).isEqualTo(new DriftDefaults.TestChoice("z_test", true));
        assertThat(DriftDefaults.defaultTest(ColumnType.CATEGORICAL, 10, 3)).isEqualTo(new DriftDefaults.TestChoice("chi_square", true));
        assertThat(DriftDefaults.defaultTest(ColumnType.CATEGORICAL, 10, 2)).isEqualTo(new DriftDefaults.TestChoice("z_test", true));
    }

    @Test
    void largeReferencesGetEvidentlysDistances() {
        assertThat(DriftDefaults.defaultTest(ColumnType.NUMERIC, 1001, 6)).isEqualTo(new DriftDefaults.TestChoice("wasserstein", false));
        assertThat(DriftDefaults.defaultTest(ColumnType.NUMERIC, 1001, 4)).isEqualTo(new DriftDefaults.TestChoice("jensen_shannon", true));
        assertThat(DriftDefaults.defaultTest(ColumnType.CATEGORICAL, 50_000, 40)).isEqualTo(new DriftDefaults.TestChoice("jensen_shannon", true));
    }

    @Test
    void everyKnownTestHasADefaultThreshold() {
        for (String test : TestCatalog.NAMES) {
            assertThat(DriftDefaults.threshold(test).value()).as(test).isPositive();
        }
        assertThat(DriftDefaults.threshold("ks").describe()).isEqualTo("p <= 0.05");
        assertThat(DriftDefaults.threshold("chi_square").describe()).isEqualTo("p < 0.05");
        assertThat(DriftDefaults.threshold("wasserstein").describe()).isEqualTo("statistic >= 0.1");
    }
}
