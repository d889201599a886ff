package io.driftwatch.app.demo;

import io.driftwatch.app.baseline.BaselinePublisher;
import io.driftwatch.app.baseline.BaselineRecords;
import io.driftwatch.app.baseline.PublishException;
import io.driftwatch.app.run.DriftwatchTopics;
import io.driftwatch.app.tabular.BadInputException;
import io.driftwatch.app.tabular.Table;
import io.driftwatch.app.tabular.TableReader;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.stats.baseline.BaselineBuilder;
import io.driftwatch.stats.baseline.BaselineSettings;
import io.driftwatch.stats.baseline.TrainingBaseline;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.topic.TopicSpec;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Publishes the credit model's baseline from the training file exactly as {@code driftwatch baseline --input FILE
 * --bootstrap-servers ...} does with its defaults: profiles, skew facts, calibrated thresholds, to the compacted
 * baselines topic.
 */
final class DemoBaseline {
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(60);

    private DemoBaseline() {
    }

    /**
     * @throws BadInputException when the training file cannot be read
     * @throws PublishException  when the broker does not take the baseline
     */
    static BaselinePublisher.Published publish(Path trainingFile, DriftwatchConfig config, Clock clock)
            throws BadInputException, PublishException {
        Table table = new TableReader(Map.of()).read(trainingFile);
        TrainingBaseline baseline = new BaselineBuilder(BaselineSettings.defaults()).build(table.rows(), table.columns());
        Baseline record = BaselineRecords.toRecord(baseline, CreditTraffic.MODEL, CreditTraffic.VERSION,
                trainingFile.getFileName().toString(), clock.instant());
        TopicSpec topic = DriftwatchTopics.baselines(config, config.topic(DriftwatchConfig.BASELINES_TOPIC_CONFIG));
        return new BaselinePublisher(config.kafkaSettings(), PUBLISH_TIMEOUT).publish(topic, record);
    }
}
