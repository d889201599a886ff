package io.driftwatch.cli.estimate;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.produce.ScoreColumns;

import java.util.List;

/**
 * The score columns CBPE can read, checked once for {@code check} and {@code baseline} alike: one
 * {@code --score-column COLUMN}, a binary model's probability of its positive class, or one
 * {@code --score-column CLASS=COLUMN} per class of a model of three or more classes.
 */
public final class EstimationScores {
    /** The fewest classes a multiclass estimate is made for; two classes are a binary model. */
    public static final int MULTICLASS_MIN = 3;

    private EstimationScores() {
    }

    /** @throws BadInputException when the columns are none, or classed columns for fewer than three classes */
    public static void require(List<String> scoreColumns) throws BadInputException {
        ScoreColumns scores = ScoreColumns.parse(scoreColumns);
        if (scores.unclassedColumn() != null || scores.columnsByClass().size() >= MULTICLASS_MIN) {
            return;
        }
        throw new BadInputException("--estimate-performance needs exactly one --score-column COLUMN, a binary model's"
                + " probability of its positive class, or one --score-column CLASS=COLUMN per class of a model of three"
                + " or more classes (got " + scoreColumns.size() + ": "
                + (scoreColumns.isEmpty() ? "none" : String.join(", ", scoreColumns)) + "); for two classes give one"
                + " column without CLASS=");
    }
}
