package io.driftwatch.stats.multivariate;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeatureTableTest {
    @Test
    void aRowLeavesOutItsMissingValues() {
        FeatureTable table = new FeatureTable(List.of(ContinuousColumn.of("age", 31, Double.NaN),
                CategoricalColumn.of("city", Arrays.asList(null, "Ghent"))));
        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.row(0)).isEqualTo(new FeatureRow(Map.of("age", 31.0), Map.of()));
        assertThat(table.row(1)).isEqualTo(new FeatureRow(Map.of(), Map.of("city", "Ghent")));
    }

    @Test
    void refusesColumnsOfDifferentLengths() {
        assertThatThrownBy(() -> new FeatureTable(List.of(ContinuousColumn.of("age", 31, 40),
                ContinuousColumn.of("income", 1000))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column income has 1 rows");
    }

    @Test
    void refusesTwoColumnsOfOneName() {
        assertThatThrownBy(() -> new FeatureTable(List.of(ContinuousColumn.of("age", 31),
                CategoricalColumn.of("age", List.of("x")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column age appears twice");
    }
}
