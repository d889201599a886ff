package io.driftwatch.tools.demo;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.baseline.BaselinePublisher;
import io.driftwatch.cli.baseline.BaselineRecords;
import io.driftwatch.cli.baseline.OutcomeColumns;
import io.driftwatch.cli.baseline.PublishException;
import io.driftwatch.cli.produce.ScoreColumns;
import io.driftwatch.cli.tabular.Table;
import io.driftwatch.cli.tabular.TableReader;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.stats.baseline.BaselineBuilder;
import io.driftwatch.stats.baseline.BaselineSettings;
import io.driftwatch.stats.baseline.TrainingBaseline;
import io.driftwatch.topics.TopicSpec;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Publishes a model's baseline from its scored training file ({@link ScoredTraining}, {@link FraudTraffic}) exactly as
 * {@code driftwatch baseline --input FILE --prediction-column prediction --bootstrap-servers ...} does with its
 * other defaults: profiles of the inputs and of the prediction (under the name the stream gives each window's
 * prediction profile), skew facts, calibrated thresholds, to the compacted baselines topic.
 */
final class DemoBaseline {
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(60);

    private DemoBaseline() {
    }

    /**
     * @throws BadInputException when the training file cannot be read
     * @throws PublishException  when the broker does not take the baseline
     */
    static BaselinePublisher.Published publish(Path trainingFile, String model, String version, DriftwatchConfig config, Clock clock)
            throws BadInputException, PublishException {
        Baseline record = BaselineRecords.toRecord(build(trainingFile), model, version,
                trainingFile.getFileName().toString(), clock.instant());
        TopicSpec topic = Topics.BASELINES.spec(config);
        return new BaselinePublisher(config.kafkaSettings(), PUBLISH_TIMEOUT).publish(topic, record);
    }

    /** @throws BadInputException when the training file cannot be read or lacks the prediction column */
    static TrainingBaseline build(Path trainingFile) throws BadInputException {
        Table table = new TableReader(Map.of()).read(trainingFile);
        OutcomeColumns outcomes = new OutcomeColumns(ScoredTraining.PREDICTION_COLUMN, null, ScoreColumns.NONE);
        outcomes.requireIn(trainingFile, table.columns().keySet());
        return new BaselineBuilder(BaselineSettings.defaults()).build(table.rows(), outcomes.profiled(table.columns()), null);
    }
}
