package io.driftwatch.topology.drift;

import io.driftwatch.schemas.format.RecordDecoder;
import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.DeadLetter;
import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.WindowProfile;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.ingest.IngestMetrics;
import io.driftwatch.topology.ingest.IngestTopology;
import io.driftwatch.topology.ingest.RegistryWait;
import io.driftwatch.topology.quality.QualityMetrics;
import io.driftwatch.topology.quality.QualityTopology;
import io.driftwatch.topology.state.CachedObjectStoreBuilder;
import io.driftwatch.topology.state.ProfilesCodec;
import io.driftwatch.topology.state.StringKeys;
import io.driftwatch.topology.topic.SingleObjectAvroSerde;
import io.driftwatch.topology.trigger.TriggerDecider;
import io.driftwatch.topology.window.ClosedWindow;
import io.driftwatch.topology.window.WindowMetrics;
import io.driftwatch.topology.window.WindowProfileRecords;
import io.driftwatch.topology.window.WindowTopology;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Driftwatch's drift topology, end to end: decode the inferences (bad ones to the dead-letter topic),
 * profile them in windows, and for each closed window write its profiles, its drift report, the
 * retraining trigger if a rule fired and the alert event for people, all under the same transaction.
 */
public final class DriftTopology {
    public static final String PREVIOUS_WINDOW_STORE = "driftwatch-previous-window";
    public static final String TRIGGER_STATE_STORE = "driftwatch-trigger-state";
    public static final String BASELINES_STORE = "driftwatch-baselines";
    public static final String EVALUATE_NODE = "drift-evaluate";

    private DriftTopology() {
    }

    /**
     * @param inputPartitions partitions of the inferences topic (the merge stage's count of reports to expect)
     */
    public static Topology build(DriftwatchConfig config, RecordDecoder<InferenceLog> decoder, WindowComparison comparison,
                                 int inputPartitions, MeterRegistry meters, Clock clock) {
        return build(config, decoder, null, comparison, inputPartitions, meters, clock);
    }

    /**
     * The drift topology and, with a label decoder, label quality on the same inferences
     * ({@link QualityTopology}): one application, one transaction per commit for drift and quality alike.
     *
     * @param labelDecoder decoder of the labels topic; null leaves quality out
     */
    public static Topology build(DriftwatchConfig config, RecordDecoder<InferenceLog> decoder,
                                 @Nullable RecordDecoder<FeedbackLabel> labelDecoder, WindowComparison comparison,
                                 int inputPartitions, MeterRegistry meters, Clock clock) {
        requireNonNull(config, "config");
        StreamsBuilder builder = new StreamsBuilder();
        IngestTopology ingest = new IngestTopology(config.topic(DriftwatchConfig.DEAD_LETTER_TOPIC_CONFIG),
                new SingleObjectAvroSerde<>(DeadLetter.getClassSchema()), new RegistryWait(config.registryWaitMax(), meters),
                new IngestMetrics(meters), clock);
        KStream<String, InferenceLog> inferences = ingest.inferences(builder,
                config.topic(DriftwatchConfig.INFERENCES_TOPIC_CONFIG), decoder);
        KStream<String, ClosedWindow> closed = new WindowTopology(config.windows(), config.numericProfiles(),
                config.categoricalProfiles(), inputPartitions, new WindowMetrics(meters)).closedWindows(builder, inferences);

        closed.flatMapValues(WindowProfileRecords::of, Named.as("window-profiles"))
                .to(config.topic(DriftwatchConfig.PROFILES_TOPIC_CONFIG), Produced.with(Serdes.String(),
                        new SingleObjectAvroSerde<WindowProfile>(WindowProfile.getClassSchema())).withName("profiles-sink"));

        builder.globalTable(config.topic(DriftwatchConfig.BASELINES_TOPIC_CONFIG),
                Consumed.with(Serdes.String(), new SingleObjectAvroSerde<Baseline>(Baseline.getClassSchema())).withName("baselines-source"),
                Materialized.<String, Baseline, KeyValueStore<Bytes, byte[]>>as(BASELINES_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(new SingleObjectAvroSerde<>(Baseline.getClassSchema())));
        if (labelDecoder != null) {
            new QualityTopology(config, new QualityMetrics(meters)).addTo(builder, inferences,
                    ingest.labels(builder, config.topic(DriftwatchConfig.LABELS_TOPIC_CONFIG), labelDecoder), BASELINES_STORE, inputPartitions);
        }
        builder.addStateStore(new CachedObjectStoreBuilder<>(PREVIOUS_WINDOW_STORE, StringKeys.CODEC, ProfilesCodec.INSTANCE)
                .withLoggingEnabled(Map.of("cleanup.policy", "compact")));
        builder.addStateStore(new CachedObjectStoreBuilder<>(TRIGGER_STATE_STORE, StringKeys.CODEC, new TriggerStateCodec())
                .withLoggingEnabled(Map.of("cleanup.policy", "compact")));
        DriftMetrics driftMetrics = new DriftMetrics(meters);
        KStream<String, SpecificRecordBase> outcomes = closed.process(() -> new DriftEvaluator(PREVIOUS_WINDOW_STORE,
                TRIGGER_STATE_STORE, BASELINES_STORE, comparison, new TriggerDecider(config.triggerPolicy()), config.windowMinRecords(),
                driftMetrics),
                Named.as(EVALUATE_NODE), PREVIOUS_WINDOW_STORE, TRIGGER_STATE_STORE);

        outcomes.filter((key, value) -> DriftEvaluator.isReport(value), Named.as("reports"))
                .mapValues(value -> (DriftReport) value, Named.as("reports-typed"))
                .to(config.topic(DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG), Produced.with(Serdes.String(),
                        new SingleObjectAvroSerde<DriftReport>(DriftReport.getClassSchema())).withName("reports-sink"));
        outcomes.filter((key, value) -> DriftEvaluator.isTrigger(value), Named.as("triggers"))
                .mapValues(value -> (RetrainingTrigger) value, Named.as("triggers-typed"))
                .selectKey((key, trigger) -> trigger.getTriggerId(), Named.as("triggers-by-id"))
                .to(config.topic(DriftwatchConfig.TRIGGERS_TOPIC_CONFIG), Produced.with(Serdes.String(),
                        new SingleObjectAvroSerde<RetrainingTrigger>(RetrainingTrigger.getClassSchema())).withName("triggers-sink"));
        outcomes.filter((key, value) -> DriftEvaluator.isAlert(value), Named.as("alerts"))
                .mapValues(value -> (AlertEvent) value, Named.as("alerts-typed"))
                .to(config.topic(DriftwatchConfig.ALERTS_TOPIC_CONFIG), Produced.with(Serdes.String(),
                        new SingleObjectAvroSerde<AlertEvent>(AlertEvent.getClassSchema())).withName("alerts-sink"));
        return builder.build();
    }
}
