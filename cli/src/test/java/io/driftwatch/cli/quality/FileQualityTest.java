package io.driftwatch.cli.quality;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.baseline.OutcomeColumns;
import io.driftwatch.cli.produce.ScoreColumns;
import io.driftwatch.stats.quality.QualitySummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The quality of a chunk, the function the chunked check calls per chunk: the rows it picks, and nothing else. */
class FileQualityTest {
    @TempDir
    Path directory;

    private Path churn() throws IOException {
        // label, prediction (p >= 0.5), p: rows 0-2 mixed, rows 3-5 all negatives, rows 6-7 both wrong.
        return Files.write(directory.resolve("churn.csv"), List.of("churned,predicted,p_churn",
                "1,1,0.9", "0,0,0.4", "1,0,0.4",
                "0,1,0.5", "0,0,0.1", "0,1,0.6",
                "1,0,0.3", "0,1,0.5"));
    }

    private static QualityRequest request() throws BadInputException {
        return new QualityRequest(new OutcomeColumns("predicted", "churned", ScoreColumns.parse(List.of("p_churn"))), "1", null);
    }

    @Test
    void aChunkOfNegativesHasPrecisionAndSpecificityButNoRecall() throws IOException, BadInputException {
        QualitySummary chunk = FileQuality.of(churn(), request(), row -> row >= 3 && row <= 5).summary();

        assertThat(chunk).isNotNull();
        assertThat(chunk.labelled()).isEqualTo(3);
        // tp 0, fp 2, tn 1: precision 0/2, specificity 1/3; recall 0/0 and average precision (no positive) undefined.
        assertThat(chunk.metrics().get("precision")).isEqualTo(0.0);
        assertThat(chunk.metrics().get("specificity")).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(chunk.metrics()).doesNotContainKeys("recall", "average_precision");
    }

    @Test
    void aChunkWhoseEveryPredictionIsWrongHasAccuracyZeroRatherThanBeingRefused() throws IOException, BadInputException {
        QualitySummary chunk = FileQuality.of(churn(), request(), row -> row >= 6).summary();

        assertThat(chunk).isNotNull();
        assertThat(chunk.metrics().get("accuracy")).isEqualTo(0.0);
        assertThat(chunk.metrics().get("recall")).isEqualTo(0.0);
    }

    @Test
    void aChunkOfUnlabelledRowsHasNoQualityAndSaysWhy() throws IOException, BadInputException {
        Path unlabelled = Files.write(directory.resolve("today.csv"), List.of("churned,predicted,p_churn", ",1,0.9", ",0,0.2"));

        FileQuality quality = FileQuality.of(unlabelled, request(), row -> true);

        assertThat(quality.summary()).isNull();
        assertThat(quality.whyNone()).isEqualTo("no row has both a label in column 'churned' and a prediction in column"
                + " 'predicted': no quality");
    }
}
