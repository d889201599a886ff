package io.driftwatch.cli.baseline;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.produce.ScoreColumns;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutcomeColumnsTest {
    private static final Path FILE = Path.of("validation.csv");
    private static final OutcomeColumns OUTCOMES = new OutcomeColumns("predicted", "is_fraud",
            new ScoreColumns(Map.of("1", "p_fraud"), null));

    private static ColumnData numbers() {
        return new ColumnData.Numeric(SortedSample.of(new double[] {1, 2}), 0);
    }

    @Test
    void profilesTheFeaturesAndThePredictionUnderTheStreamsNameButNotTheLabelOrTheScores() {
        Map<String, ColumnData> columns = new LinkedHashMap<>();
        List.of("income", "is_fraud", "predicted", "p_fraud", "age").forEach(name -> columns.put(name, numbers()));

        Map<String, ColumnData> profiled = OUTCOMES.profiled(columns);

        assertThat(profiled.keySet()).containsExactly("income", FeatureProfiles.PREDICTION, "age");
        assertThat(profiled.get(FeatureProfiles.PREDICTION)).isSameAs(columns.get("predicted"));
    }

    @Test
    void anUnknownLabelColumnIsBadInputListingTheFilesColumns() {
        assertThatThrownBy(() -> OUTCOMES.requireIn(FILE, List.of("income", "predicted", "p_fraud")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("validation.csv has no column 'is_fraud' for the true labels (--labels is_fraud); its columns"
                        + " are income, predicted, p_fraud; name the column that holds them");
    }

    @Test
    void anUnknownPredictionOrScoreColumnIsBadInputNamingItsOption() {
        assertThatThrownBy(() -> OUTCOMES.requireIn(FILE, List.of("income", "is_fraud", "p_fraud")))
                .hasMessageContaining("no column 'predicted' for the model's predictions (--prediction-column predicted)");
        assertThatThrownBy(() -> OUTCOMES.requireIn(FILE, List.of("income", "is_fraud", "predicted")))
                .hasMessageContaining("no column 'p_fraud' for the scores of class '1' (--score-column 1=p_fraud)");
    }

    @Test
    void theSameColumnAsLabelAndPredictionIsBadInput() {
        assertThatThrownBy(() -> new OutcomeColumns("y", "y", ScoreColumns.NONE).requireIn(FILE, List.of("y")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--labels and --prediction-column both name column 'y' of validation.csv");
    }
}
