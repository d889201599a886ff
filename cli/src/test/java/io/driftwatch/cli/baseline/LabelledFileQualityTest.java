package io.driftwatch.cli.baseline;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.produce.ScoreColumns;
import io.driftwatch.stats.quality.LabelledOutcome;
import io.driftwatch.stats.quality.OutcomeTyping;
import io.driftwatch.stats.quality.QualityReference;
import io.driftwatch.stats.quality.QualityReference.ClassifiedRecord;
import io.driftwatch.stats.quality.QualityReference.RegressedRecord;
import io.driftwatch.stats.quality.QualitySummary;
import io.driftwatch.stats.quality.QualityTally;
import io.driftwatch.stats.quality.TaskChoice;
import io.driftwatch.stats.quality.TaskKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.driftwatch.stats.quality.QualityReference.TOLERANCE;
import static io.driftwatch.stats.quality.QualityReference.classificationExpected;
import static io.driftwatch.stats.quality.QualityReference.regressionExpected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The baseline's quality against scikit-learn's values ({@code quality_reference.json}) and against the tally
 * the stream feeds with the same pairs, and the labelled files it refuses.
 */
class LabelledFileQualityTest {
    private static final List<String> CLASSES = List.of("cat", "dog", "fox");
    private static final OutcomeColumns SCORED = new OutcomeColumns("predicted", "actual",
            new ScoreColumns(Map.of("cat", "p_cat", "dog", "p_dog", "fox", "p_fox"), null));
    private static final OutcomeColumns UNSCORED = new OutcomeColumns("predicted", "actual", ScoreColumns.NONE);
    private static final OutcomeTyping AUTO = OutcomeTyping.AUTO;

    @TempDir
    Path directory;

    private Path classificationCsv() throws IOException {
        StringBuilder csv = new StringBuilder("age,predicted,actual,p_cat,p_dog,p_fox\n");
        for (ClassifiedRecord record : QualityReference.classification()) {
            csv.append(30).append(',').append(record.predicted()).append(',').append(record.actual());
            CLASSES.forEach(label -> csv.append(',').append(record.scores().get(label)));
            csv.append('\n');
        }
        return write("classified.csv", csv.toString());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    /** The pairs as the stream's join hands them to its tally: one LabelledOutcome per joined prediction and label. */
    private static QualitySummary streamTally(List<LabelledOutcome> outcomes) {
        QualityTally tally = new QualityTally(0);
        outcomes.forEach(outcome -> {
            tally.addPrediction();
            tally.add(outcome);
        });
        return tally.summary();
    }

    @Test
    void classificationMetricsEqualScikitLearnsAndTheStreamTallysOnTheSameRows() throws Exception {
        // The reference predicts 'owl', a class without a score column, three times: a predicted class name is taken as it is.
        List<ClassifiedRecord> records = QualityReference.classification();

        QualitySummary quality = LabelledFileQuality.read(classificationCsv(), SCORED, AUTO);

        long correct = records.stream().filter(record -> record.predicted().equals(record.actual())).count();
        assertThat(quality.task()).isEqualTo(TaskKind.CLASSIFICATION);
        assertThat(quality.labelled()).isEqualTo(records.size());
        assertThat(quality.metrics().get("accuracy")).isEqualTo(correct / (double) records.size());
        for (String metric : List.of("accuracy", "macro_precision", "macro_recall", "macro_f1", "roc_auc", "log_loss")) {
            assertThat(quality.metrics().get(metric)).as(metric)
                    .isCloseTo(classificationExpected(metric).asDouble(), within(TOLERANCE));
        }
        assertThat(quality.metrics()).isEqualTo(streamTally(records.stream().map(record -> OutcomeTyping.AUTO.outcome(
                record.predicted(), record.actual(), record.scores(), Map.of(), 0)).toList()).metrics());
    }

    @Test
    void regressionMetricsFromJsonLinesEqualScikitLearnsAndTheStreamTallys() throws Exception {
        List<RegressedRecord> records = QualityReference.regression();
        StringBuilder jsonl = new StringBuilder();
        records.forEach(record -> jsonl.append("{\"x\": 1, \"predicted\": ").append(record.predicted())
                .append(", \"actual\": ").append(record.actual()).append("}\n"));

        QualitySummary quality = LabelledFileQuality.read(write("regressed.jsonl", jsonl.toString()), UNSCORED, AUTO);

        assertThat(quality.task()).isEqualTo(TaskKind.REGRESSION);
        for (String metric : List.of("mae", "rmse", "mape", "mean_error")) {
            assertThat(quality.metrics().get(metric)).as(metric)
                    .isCloseTo(regressionExpected(metric).asDouble(), within(TOLERANCE));
        }
        assertThat(quality.metrics()).isEqualTo(streamTally(records.stream().map(record -> OutcomeTyping.AUTO.outcome(
                record.predicted(), record.actual(), Map.of(), Map.of(), 0)).toList()).metrics());
    }

    @Test
    void rowsMissingALabelOrAPredictionAreNotCountedButSaidWhatTheyLacked() throws Exception {
        Path file = write("gaps.csv", "x,predicted,actual\n1,yes,yes\n2,no,yes\n3,yes,\n4,,no\n5,,\n6,no,no\n");

        QualitySummary quality = LabelledFileQuality.read(file, UNSCORED, AUTO);

        assertThat(quality.labelled()).isEqualTo(3);
        assertThat(quality.unlabelled()).as("a prediction without a label").isEqualTo(1);
        assertThat(quality.unmatchedLabels()).as("a label without a prediction").isEqualTo(1);
        assertThat(quality.metrics().get("accuracy")).isEqualTo(2 / 3.0);
    }

    @Test
    void noRowWithBothALabelAndAPredictionIsBadInput() throws Exception {
        Path file = write("disjoint.csv", "predicted,actual\nyes,\n,no\n");

        assertThatThrownBy(() -> LabelledFileQuality.read(file, UNSCORED, AUTO)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(file + ": no row has both a label in column 'actual' and a prediction in column"
                        + " 'predicted' (1 rows have only a prediction, 1 only a label)");
    }

    @Test
    void aTextLabelAmongNumbersIsBadInputNamingItsLine() throws Exception {
        Path file = write("mixed.csv", "predicted,actual\n1.5,1.25\n2.5,2.0\nthree,3.5\n4.5,4.0\n");

        assertThatThrownBy(() -> LabelledFileQuality.read(file, UNSCORED, AUTO)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(file + " line 4: label '3.5' (column 'actual') and prediction 'three' (column"
                        + " 'predicted') make a classification pair, but 3 other rows make regression pairs");
    }

    @Test
    void aScoreColumnPassedAsThePredictionIsBadInput() throws Exception {
        Path file = write("scores.csv", "predicted,actual\n0.83,fraud\n0.12,legit\n");

        assertThatThrownBy(() -> LabelledFileQuality.read(file, UNSCORED, AUTO)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("on none of the 2 labelled rows does the prediction in column 'predicted' name the"
                        + " class of the label in column 'actual' (line 2: prediction '0.83', label 'fraud')")
                .hasMessageContaining("--score-column CLASS=COLUMN");
    }

    @Test
    void scoresThatLeaveOutALabelsClassAreBadInput() throws Exception {
        Path file = write("two-scores.csv", "predicted,actual,p_yes,p_no\nyes,yes,0.9,0.1\nno,no,0.2,0.8\nmaybe,maybe,0.3,0.3\n");

        assertThatThrownBy(() -> LabelledFileQuality.read(file,
                new OutcomeColumns("predicted", "actual", new ScoreColumns(Map.of("yes", "p_yes", "no", "p_no"), null)), AUTO))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("the labels in column 'actual' hold classes maybe but --score-column names only no, yes")
                .hasMessageContaining("--score-column maybe=COLUMN");
    }

    @Test
    void aScoreThatIsNotANumberIsBadInputNamingLineAndColumn() throws Exception {
        Path file = write("bad-score.csv", "predicted,actual,p_yes,p_no\nyes,yes,0.9,0.1\nno,no,high,0.8\n");

        assertThatThrownBy(() -> LabelledFileQuality.read(file,
                new OutcomeColumns("predicted", "actual", new ScoreColumns(Map.of("yes", "p_yes", "no", "p_no"), null)), AUTO))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(file + " line 3, column 'p_yes': score 'high' of class 'yes' is not a number");
    }

    // A binary model's probability of class 1 on six rows, and the true labels. By hand, as scikit-learn defines
    // them: p >= 0.5 predicts 1, 0, 0, 1, 0, 1, so 4 of 6 are right; positives 0.9, 0.4, 0.8 against negatives
    // 0.4, 0.1, 0.65 win 7.5 of 9 pairs (0.4 against 0.4 is half); the log loss takes p for a 1 and 1 - p for a 0.
    private static final String BINARY_CSV = """
            age,y,predicted,p
            31,1,1,0.9
            45,0,0,0.4
            22,1,0,0.4
            60,1,1,0.8
            38,0,0,0.1
            29,0,1,0.65
            """;
    private static final double BINARY_ROC_AUC = 7.5 / 9;
    private static final double BINARY_LOG_LOSS = -(Math.log(0.9) + Math.log(0.6) + Math.log(0.4) + Math.log(0.8)
            + Math.log(0.9) + Math.log(0.35)) / 6;

    private static void assertBinaryClassification(QualitySummary quality) {
        assertThat(quality.task()).isEqualTo(TaskKind.CLASSIFICATION);
        assertThat(quality.metrics().get("accuracy")).isCloseTo(4 / 6.0, within(TOLERANCE));
        assertThat(quality.metrics().get("roc_auc")).isCloseTo(BINARY_ROC_AUC, within(TOLERANCE));
        assertThat(quality.metrics().get("log_loss")).isCloseTo(BINARY_LOG_LOSS, within(TOLERANCE));
        assertThat(quality.metrics()).doesNotContainKeys("mae", "mape");
    }

    @Test
    void zeroOneLabelsWithOneProbabilityColumnAreABinaryClassificationWithScikitLearnsRocAucAndLogLoss() throws Exception {
        OutcomeColumns columns = new OutcomeColumns("predicted", "y", new ScoreColumns(Map.of(), "p"));

        assertBinaryClassification(LabelledFileQuality.read(write("binary.csv", BINARY_CSV), columns, AUTO));
    }

    @Test
    void zeroOneLabelsWithTheProbabilityAsThePredictionAreTheSameBinaryClassification() throws Exception {
        OutcomeColumns columns = new OutcomeColumns("p", "y", ScoreColumns.NONE);

        assertBinaryClassification(LabelledFileQuality.read(write("binary.csv", BINARY_CSV), columns, AUTO));
    }

    @Test
    void twoNamedClassesWithOneProbabilityColumnGiveTheSameMetricsOnceThePositiveClassIsNamed() throws Exception {
        Path file = write("named.csv", BINARY_CSV.replace(",1,1,", ",churn,churn,").replace(",1,0,", ",churn,stay,")
                .replace(",0,0,", ",stay,stay,").replace(",0,1,", ",stay,churn,"));
        OutcomeColumns columns = new OutcomeColumns("predicted", "y", new ScoreColumns(Map.of(), "p"));

        assertBinaryClassification(LabelledFileQuality.read(file, columns, new OutcomeTyping(TaskChoice.AUTO, "churn")));
    }

    @Test
    void twoNamedClassesWithOneProbabilityColumnAndNoPositiveClassIsBadInputNamingBothClasses() throws Exception {
        Path file = write("named.csv", "predicted,y,p\nchurn,churn,0.9\nstay,stay,0.2\n");
        OutcomeColumns columns = new OutcomeColumns("predicted", "y", new ScoreColumns(Map.of(), "p"));

        assertThatThrownBy(() -> LabelledFileQuality.read(file, columns, AUTO)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": the labels in column 'y' are two classes, 'churn' and 'stay', and neither is the"
                        + " positive one by default (only 1 of 0/1 and true of true/false are): pass --positive-class churn"
                        + " or --positive-class stay, whichever class --score-column p is the probability of");
    }

    @Test
    void oneProbabilityColumnBesideMoreThanTwoClassesIsBadInput() throws Exception {
        Path file = write("three.csv", "predicted,y,p\n0,0,0.1\n1,1,0.9\n2,2,0.5\n");

        assertThatThrownBy(() -> LabelledFileQuality.read(file, new OutcomeColumns("predicted", "y",
                new ScoreColumns(Map.of(), "p")), AUTO)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("the labels in column 'y' hold 3 classes ('0', '1', '2'), but --score-column p is"
                        + " one probability, a binary model's");
    }

    @Test
    void aPositiveClassTheLabelsDoNotHoldIsBadInput() throws Exception {
        OutcomeColumns columns = new OutcomeColumns("predicted", "y", new ScoreColumns(Map.of(), "p"));

        assertThatThrownBy(() -> LabelledFileQuality.read(write("binary.csv", BINARY_CSV), columns,
                new OutcomeTyping(TaskChoice.AUTO, "yes"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--positive-class yes is not a class of the labels in column 'y', which hold 0, 1");
    }

    @Test
    void theTaskStatedAsRegressionScoresZeroOneLabelsAsQuantities() throws Exception {
        QualitySummary quality = LabelledFileQuality.read(write("binary.csv", BINARY_CSV),
                new OutcomeColumns("p", "y", ScoreColumns.NONE), new OutcomeTyping(TaskChoice.REGRESSION, null));

        assertThat(quality.task()).isEqualTo(TaskKind.REGRESSION);
        // |p - y|: 0.1, 0.4, 0.6, 0.2, 0.1, 0.65.
        assertThat(quality.metrics().get("mae")).isCloseTo((0.1 + 0.4 + 0.6 + 0.2 + 0.1 + 0.65) / 6, within(TOLERANCE));
        assertThat(quality.metrics()).doesNotContainKey("roc_auc");
    }
}
