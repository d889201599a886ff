package io.driftwatch.tools.demo;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.EstimationOptions;
import io.driftwatch.cli.baseline.BaselinePublisher;
import io.driftwatch.cli.baseline.BaselineRecords;
import io.driftwatch.cli.baseline.LabelledFileQuality;
import io.driftwatch.cli.baseline.OutcomeColumns;
import io.driftwatch.cli.baseline.PublishException;
import io.driftwatch.cli.chunk.Chunker;
import io.driftwatch.cli.estimate.ReferenceFit;
import io.driftwatch.cli.produce.ScoreColumns;
import io.driftwatch.cli.quality.QualityRequest;
import io.driftwatch.cli.tabular.Table;
import io.driftwatch.cli.tabular.TableReader;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.BaselineEstimation;
import io.driftwatch.stats.baseline.BaselineBuilder;
import io.driftwatch.stats.baseline.BaselineSettings;
import io.driftwatch.stats.baseline.TrainingBaseline;
import io.driftwatch.stats.quality.OutcomeTyping;
import io.driftwatch.stats.quality.QualitySummary;
import io.driftwatch.stats.quality.TaskChoice;
import io.driftwatch.topics.TopicSpec;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.estimate.BaselineEstimations;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Publishes a model's baseline from its scored training file ({@link ScoredTraining}, {@link FraudTraffic}) exactly as
 * {@code driftwatch baseline --input FILE --prediction-column prediction --bootstrap-servers ...} does with its
 * other defaults: profiles of the inputs and of the prediction (under the name the stream gives each window's
 * prediction profile), skew facts, calibrated thresholds, to the compacted baselines topic. Given an
 * {@link Estimation}, also as {@code --labels --score-column --positive-class --estimate-performance} do: the quality on
 * the labelled rows and the CBPE fit of {@link ReferenceFit} on {@link EstimationOptions#DEFAULT_CHUNKS} chunks.
 */
final class DemoBaseline {
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(60);

    private DemoBaseline() {
    }

    /**
     * The labels and the positive class's probability a training file also holds, from which {@code baseline
     * --estimate-performance} fits CBPE.
     *
     * @param labelColumn   the true labels ({@code --labels})
     * @param scoreColumn   the probability of {@code positiveClass} ({@code --score-column})
     * @param positiveClass the class that probability is of ({@code --positive-class})
     */
    record Estimation(String labelColumn, String scoreColumn, String positiveClass) {
        Estimation {
            requireNonNull(labelColumn, "labelColumn");
            requireNonNull(scoreColumn, "scoreColumn");
            requireNonNull(positiveClass, "positiveClass");
        }

        /** The {@code baseline} options that ask for this, as a user types them. */
        String options() {
            return "--labels " + labelColumn + " --prediction-column " + ScoredTraining.PREDICTION_COLUMN + " --score-column "
                    + scoreColumn + " --positive-class " + positiveClass + " --estimate-performance";
        }
    }

    /**
     * @param estimation the columns to fit CBPE on; null for a baseline of the inputs and predictions alone
     * @throws BadInputException when the training file cannot be read, or cannot be fitted
     * @throws PublishException  when the broker does not take the baseline
     */
    static BaselinePublisher.Published publish(Path trainingFile, String model, String version, @Nullable Estimation estimation,
                                               DriftwatchConfig config, Clock clock) throws BadInputException, PublishException {
        TopicSpec topic = Topics.BASELINES.spec(config);
        return new BaselinePublisher(config.kafkaSettings(), PUBLISH_TIMEOUT).publish(topic, record(trainingFile, model, version,
                estimation, clock));
    }

    /**
     * The baseline record {@link #publish} sends.
     *
     * @throws BadInputException when the training file cannot be read, or cannot be fitted
     */
    static Baseline record(Path trainingFile, String model, String version, @Nullable Estimation estimation, Clock clock)
            throws BadInputException {
        TrainingBaseline baseline = build(trainingFile, estimation);
        return BaselineRecords.toRecord(baseline, estimation == null ? null : fit(trainingFile, baseline.rows(), estimation),
                model, version, trainingFile.getFileName().toString(), clock.instant());
    }

    /** @throws BadInputException when the training file cannot be read or lacks the prediction column */
    static TrainingBaseline build(Path trainingFile) throws BadInputException {
        return build(trainingFile, null);
    }

    /**
     * The profiles, and with {@code estimation} the quality on the labelled rows, the reference of the quality_drop rule.
     *
     * @throws BadInputException when the training file cannot be read or lacks a named column
     */
    static TrainingBaseline build(Path trainingFile, @Nullable Estimation estimation) throws BadInputException {
        Table table = new TableReader(Map.of()).read(trainingFile);
        OutcomeColumns outcomes = outcomes(estimation);
        outcomes.requireIn(trainingFile, table.columns().keySet());
        QualitySummary quality = estimation == null ? null : LabelledFileQuality.read(trainingFile, outcomes,
                new OutcomeTyping(TaskChoice.AUTO, estimation.positiveClass()));
        return new BaselineBuilder(BaselineSettings.defaults()).build(table.rows(), outcomes.profiled(table.columns()), quality);
    }

    /**
     * The CBPE fit {@code baseline --estimate-performance} stores for the file's {@code rows} rows.
     *
     * @throws BadInputException when the labelled rows cannot support an estimate
     */
    static BaselineEstimation fit(Path trainingFile, long rows, Estimation estimation) throws BadInputException {
        QualityRequest request = new QualityRequest(outcomes(estimation), estimation.positiveClass(), null);
        Chunker chunks = new Chunker.Count(EstimationOptions.DEFAULT_CHUNKS);
        return BaselineEstimations.toRecord(ReferenceFit.fit(request, trainingFile, chunks.layout(trainingFile, rows, null)));
    }

    private static OutcomeColumns outcomes(@Nullable Estimation estimation) throws BadInputException {
        return estimation == null ? new OutcomeColumns(ScoredTraining.PREDICTION_COLUMN, null, ScoreColumns.NONE)
                : new OutcomeColumns(ScoredTraining.PREDICTION_COLUMN, estimation.labelColumn(),
                ScoreColumns.parse(List.of(estimation.scoreColumn())));
    }
}
