package io.driftwatch.cli;

import io.driftwatch.cli.baseline.OutcomeColumns;
import io.driftwatch.cli.estimate.EstimationScores;
import io.driftwatch.cli.produce.ProduceColumns;
import io.driftwatch.cli.produce.ScoreColumns;
import io.driftwatch.cli.quality.QualityRequest;
import io.driftwatch.stats.quality.BusinessValueMatrix;
import io.driftwatch.stats.quality.OutcomeChoices;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check}'s model-quality options, a mixin so the command gains them in one line and the chunked check can
 * ask the same request of each chunk. The columns are named as {@code baseline --labels} names them, and are
 * treated as it treats them: the labels and the scores are not features (left out of the drift comparison), the
 * prediction is compared like any column, as the stream compares each window's prediction.
 */
public final class QualityOptions {
    @Option(names = "--labels", paramLabel = "LABEL_COLUMN",
            description = "Column of the true labels: also report the model's quality on each file that has it (the metrics"
                    + " of the stream's quality reports, scikit-learn's definitions). Only rows with both a label and a"
                    + " prediction count. Not compared for drift. Quality never changes the exit code.")
    private @Nullable String labelColumn;

    @Option(names = "--prediction-column", paramLabel = "COLUMN",
            description = "Column of the model's predictions, for --labels (default: " + ProduceColumns.DEFAULT_PREDICTION
                    + "). Compared for drift like any column.")
    private @Nullable String predictionColumn;

    @Option(names = "--score-column", paramLabel = "[CLASS=]COLUMN",
            description = "Column of one class's probability, for --labels; repeat for every class. One COLUMN without"
                    + " CLASS= is a binary model's probability of its positive class. Gives ROC AUC, average precision and"
                    + " log loss. Values must lie in [0, 1]. Not compared for drift.")
    private List<String> scoreColumns = new ArrayList<>();

    @Option(names = "--positive-class", paramLabel = "CLASS",
            description = "A binary model's positive class: the class of precision, recall, F1, specificity, average"
                    + " precision and the business value, and the class a lone probability is of (default: 1 for classes"
                    + " 0/1, true for true/false; two named classes need it). With --policy, its outcome.positive_class"
                    + " instead.")
    private @Nullable String positiveClass;

    @Option(names = "--business-value", paramLabel = "'[[tn, fp], [fn, tp]]'",
            description = "What each cell of a binary model's confusion matrix is worth, as NannyML's"
                    + " business_value_matrix: report the business value (sum of count times value) and its"
                    + " per-prediction form, for --labels. With --policy, its outcome.business_value instead.")
    private @Nullable String businessValue;

    @Option(names = "--estimate-performance",
            description = "Also estimate a binary model's performance on each chunk of the current file from its scores,"
                    + " labels or not (NannyML's CBPE, fitted on the labelled reference): accuracy, precision, recall,"
                    + " specificity, F1, ROC AUC, average precision and the business value, each with its sampling error,"
                    + " band and thresholds, beside the realized value where the chunk has labels; for a model of three"
                    + " or more classes (one --score-column CLASS=COLUMN per class) accuracy, macro precision, recall,"
                    + " F1 and ROC AUC. Needs a chunker, --labels and one --score-column. Never changes the exit code.")
    private boolean estimatePerformance;

    /**
     * The quality {@code check} is asked for; empty without {@code --labels}.
     *
     * @param policyOutcome the {@code outcome} of the policy {@code check} applies; empty without {@code --policy}.
     *                      Its positive class and business value then stand for {@code --positive-class} and
     *                      {@code --business-value}, as the stream reads the model's windows with them
     * @throws BadInputException when a quality option is given without {@code --labels}, {@code --positive-class} or
     *                           {@code --business-value} beside {@code --policy}, a score column is malformed, or the
     *                           business value is not a 2x2 matrix of numbers
     */
    public Optional<QualityRequest> request(Optional<OutcomeChoices> policyOutcome) throws BadInputException {
        if (policyOutcome.isPresent()) {
            refuseWithPolicy("--positive-class", positiveClass, "positive_class");
            refuseWithPolicy("--business-value", businessValue, "business_value");
        }
        ScoreColumns scores = ScoreColumns.parse(scoreColumns);
        if (labelColumn == null) {
            if (predictionColumn != null || !scores.isEmpty() || positiveClass != null || businessValue != null) {
                throw new BadInputException("--prediction-column, --score-column, --positive-class and --business-value"
                        + " describe the model's quality: give the column of true labels with --labels COLUMN");
            }
            return Optional.empty();
        }
        OutcomeColumns columns = new OutcomeColumns(predictionColumn != null ? predictionColumn
                : ProduceColumns.DEFAULT_PREDICTION, labelColumn, scores);
        OutcomeChoices outcome = policyOutcome.isPresent() ? policyOutcome.get()
                : new OutcomeChoices(positiveClass, businessValue == null ? null : matrix(businessValue));
        return Optional.of(new QualityRequest(columns, outcome.positiveClass(), outcome.businessValue()));
    }

    /**
     * Whether {@code check} estimates performance per chunk.
     *
     * @param chunked whether the current file is cut into chunks
     * @throws BadInputException when it is asked without a chunker, without {@code --labels}, or without score columns
     *                           CBPE can read ({@link EstimationScores})
     */
    public boolean estimatePerformance(boolean chunked) throws BadInputException {
        if (!estimatePerformance) {
            return false;
        }
        if (!chunked) {
            throw new BadInputException("--estimate-performance estimates each chunk of the current file: cut it with"
                    + " --chunk-rows N, --chunk-count K or --chunk-period P");
        }
        if (labelColumn == null) {
            throw new BadInputException("--estimate-performance is fitted on the reference's true labels: name their"
                    + " column with --labels COLUMN");
        }
        EstimationScores.require(scoreColumns);
        return true;
    }

    // The policy is the model owner's one statement of how the outcome is read; an option beside it would make check
    // read the files differently from the stream reading the same model's windows.
    private static void refuseWithPolicy(String option, @Nullable String value, String policyKey) throws BadInputException {
        if (value != null) {
            throw new BadInputException(option + " and --policy both choose how the model's outcome is read: choose one"
                    + " (drop " + option + ", or write outcome." + policyKey + " in the policy file)");
        }
    }

    private static BusinessValueMatrix matrix(String text) throws BadInputException {
        try {
            return BusinessValueMatrix.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--business-value " + e.getMessage(), e);
        }
    }

    /** Whether {@code --labels} was given, so the model's realized quality is computed. */
    public boolean labelled() {
        return labelColumn != null;
    }

    /** The columns that are not features: the labels and the scores, left out of the drift comparison. */
    public Set<String> notFeatures() throws BadInputException {
        Set<String> columns = new LinkedHashSet<>();
        if (labelColumn != null) {
            columns.add(labelColumn);
            columns.addAll(ScoreColumns.parse(scoreColumns).columns());
        }
        return columns;
    }
}
