package io.driftwatch.app.baseline;

import io.driftwatch.app.tabular.BadInputException;
import io.driftwatch.stats.quality.LabelledOutcome;
import io.driftwatch.stats.quality.ModelTask;
import io.driftwatch.stats.quality.OutcomeTyping;
import io.driftwatch.stats.quality.QualityReference;
import io.driftwatch.stats.quality.QualityReference.ClassifiedRecord;
import io.driftwatch.stats.quality.QualityReference.RegressedRecord;
import io.driftwatch.stats.quality.QualitySummary;
import io.driftwatch.stats.quality.QualityTally;
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
            Map.of("cat", "p_cat", "dog", "p_dog", "fox", "p_fox"));
    private static final OutcomeColumns UNSCORED = new OutcomeColumns("predicted", "actual", Map.of());

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

        QualitySummary quality = LabelledFileQuality.read(classificationCsv(), SCORED);

        long correct = records.stream().filter(record -> record.predicted().equals(record.actual())).count();
        assertThat(quality.task()).isEqualTo(ModelTask.CLASSIFICATION);
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

        QualitySummary quality = LabelledFileQuality.read(write("regressed.jsonl", jsonl.toString()), UNSCORED);

        assertThat(quality.task()).isEqualTo(ModelTask.REGRESSION);
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

        QualitySummary quality = LabelledFileQuality.read(file, UNSCORED);

        assertThat(quality.labelled()).isEqualTo(3);
        assertThat(quality.unlabelled()).as("a prediction without a label").isEqualTo(1);
        assertThat(quality.unmatchedLabels()).as("a label without a prediction").isEqualTo(1);
        assertThat(quality.metrics().get("accuracy")).isEqualTo(2 / 3.0);
    }

    @Test
    void noRowWithBothALabelAndAPredictionIsBadInput() throws Exception {
        Path file = write("disjoint.csv", "predicted,actual\nyes,\n,no\n");

        assertThatThrownBy(() -> LabelledFileQuality.read(file, UNSCORED)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(file + ": no row has both a label in column 'actual' and a prediction in column"
                        + " 'predicted' (1 rows have only a prediction, 1 only a label)");
    }

    @Test
    void aTextLabelAmongNumbersIsBadInputNamingItsLine() throws Exception {
        Path file = write("mixed.csv", "predicted,actual\n1.5,1.25\n2.5,2.0\nthree,3.5\n4.5,4.0\n");

        assertThatThrownBy(() -> LabelledFileQuality.read(file, UNSCORED)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(file + " line 4: label '3.5' (column 'actual') and prediction 'three' (column"
                        + " 'predicted') make a classification pair, but 3 other rows make regression pairs");
    }

    @Test
    void aScoreColumnPassedAsThePredictionIsBadInput() throws Exception {
        Path file = write("scores.csv", "predicted,actual\n0.83,fraud\n0.12,legit\n");

        assertThatThrownBy(() -> LabelledFileQuality.read(file, UNSCORED)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("on none of the 2 labelled rows does the prediction in column 'predicted' name the"
                        + " class of the label in column 'actual' (line 2: prediction '0.83', label 'fraud')")
                .hasMessageContaining("--score-column CLASS=COLUMN");
    }

    @Test
    void scoresThatLeaveOutALabelsClassAreBadInput() throws Exception {
        Path file = write("one-score.csv", "predicted,actual,p_yes\nyes,yes,0.9\nno,no,0.2\n");

        assertThatThrownBy(() -> LabelledFileQuality.read(file,
                new OutcomeColumns("predicted", "actual", Map.of("yes", "p_yes")))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("the labels in column 'actual' hold classes no but --score-column names only yes")
                .hasMessageContaining("--score-column no=COLUMN");
    }

    @Test
    void aScoreThatIsNotANumberIsBadInputNamingLineAndColumn() throws Exception {
        Path file = write("bad-score.csv", "predicted,actual,p_yes,p_no\nyes,yes,0.9,0.1\nno,no,high,0.8\n");

        assertThatThrownBy(() -> LabelledFileQuality.read(file,
                new OutcomeColumns("predicted", "actual", Map.of("yes", "p_yes", "no", "p_no"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(file + " line 3, column 'p_yes': score 'high' of class 'yes' is not a number");
    }
}
