package io.driftwatch.cli.baseline;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.produce.ScoreColumns;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.profile.FeatureProfiles;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Which columns of a training file hold what the model answered and what was true, rather than the model's
 * inputs: the prediction, the class scores and the true label ({@code baseline --prediction-column},
 * {@code --score-column}, {@code --labels}). They decide what is profiled: the label and the scores are not
 * model inputs and get no profile, and the prediction is profiled under {@link FeatureProfiles#PREDICTION},
 * the name the stream gives each window's prediction profile, so it is compared with the window's
 * prediction rather than reported as a feature the stream never sees.
 *
 * @param prediction          the column of predictions
 * @param label               the column of true labels; null when the file carries none (no quality)
 * @param scores     the columns of class scores, or of a binary model's one probability; {@link ScoreColumns#NONE} for none
 */
public record OutcomeColumns(String prediction, @Nullable String label, ScoreColumns scores) {
    public OutcomeColumns {
        requireNonNull(prediction, "prediction");
        requireNonNull(scores, "scores");
    }

    /**
     * @param columns every column the file has
     * @throws BadInputException when a named column is not in the file, the label is also the prediction, or
     *                           another column has the prediction profile's name
     */
    public void requireIn(Path file, Collection<String> columns) throws BadInputException {
        if (prediction.equals(label)) {
            throw new BadInputException("--labels and --prediction-column both name column '" + label + "' of " + file
                    + "; the true labels and the model's predictions must be two columns");
        }
        if (columns.contains(FeatureProfiles.PREDICTION) && !prediction.equals(FeatureProfiles.PREDICTION)) {
            throw new BadInputException(file + " has a column named " + FeatureProfiles.PREDICTION + ", the name the"
                    + " prediction's profile is kept under; rename it, or pass --prediction-column " + FeatureProfiles.PREDICTION);
        }
        if (label != null) {
            require(file, columns, label, "--labels " + label, "the true labels");
        }
        require(file, columns, prediction, "--prediction-column " + prediction, "the model's predictions");
        scores.requireIn(file, columns, describe(columns));
    }

    private static void require(Path file, Collection<String> columns, String column, String option, String holding)
            throws BadInputException {
        if (!columns.contains(column)) {
            throw new BadInputException(file + " has no column '" + column + "' for " + holding + " (" + option
                    + "); " + describe(columns) + "; name the column that holds them");
        }
    }

    private static String describe(Collection<String> columns) {
        return "its columns are " + String.join(", ", columns);
    }

    /**
     * The columns to profile, in the file's order: every column but the label and the scores, the prediction
     * under {@link FeatureProfiles#PREDICTION}.
     */
    public Map<String, ColumnData> profiled(Map<String, ColumnData> columns) {
        Map<String, ColumnData> profiled = new LinkedHashMap<>();
        columns.forEach((name, column) -> {
            if (name.equals(prediction)) {
                profiled.put(FeatureProfiles.PREDICTION, column);
            } else if (!name.equals(label) && !scores.columns().contains(name)) {
                profiled.put(name, column);
            }
        });
        return profiled;
    }
}
