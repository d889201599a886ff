package io.driftwatch.topology;

import io.driftwatch.schemas.format.RecordDecoder;
import io.driftwatch.schemas.record.Baseline;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.drift.DriftMetrics;
import io.driftwatch.topology.drift.DriftTopology;
import io.driftwatch.topology.drift.WindowComparison;
import io.driftwatch.topology.ingest.IngestMetrics;
import io.driftwatch.topology.ingest.IngestTopology;
import io.driftwatch.topology.ingest.RegistryWait;
import io.driftwatch.topology.performance.WindowPerformanceStore;
import io.driftwatch.topology.policy.AcceptedPolicies;
import io.driftwatch.topology.policy.ConfigModelRules;
import io.driftwatch.topology.policy.ModelRulesSource;
import io.driftwatch.topology.policy.PolicyMetrics;
import io.driftwatch.topology.quality.QualityMetrics;
import io.driftwatch.topology.quality.QualityTopology;
import io.driftwatch.topology.window.ClosedWindow;
import io.driftwatch.topology.window.WindowMetrics;
import io.driftwatch.topology.window.WindowProfileRecords;
import io.driftwatch.topology.window.WindowTopology;
import io.micrometer.core.instrument.MeterRegistry;
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

import static java.util.Objects.requireNonNull;

/**
 * The whole streaming service as one Kafka Streams application: decode the inferences (bad ones to the
 * dead-letter topic), profile them in windows, write each closed window's profiles, evaluate drift against the
 * baselines and, with a label decoder, join the labels to measure quality, each model version by its own rules
 * from the policies topic. One application, so drift and quality share one transaction per commit and one copy of
 * the baselines and the policies.
 */
public final class DriftwatchTopology {
    /** The global store of training baselines, read by the drift evaluator and the quality aggregator. */
    public static final String BASELINES_STORE = "driftwatch-baselines";

    private DriftwatchTopology() {
    }

    /** Drift only, every model by the {@code driftwatch.*} rules ({@link ConfigModelRules}): the labels topic is not read. */
    public static Topology build(DriftwatchConfig config, RecordDecoder<InferenceLog> decoder, WindowComparison comparison,
                                 int inputPartitions, MeterRegistry meters, Clock clock) {
        return build(config, decoder, null, comparison, new ConfigModelRules(config), inputPartitions, meters, clock);
    }

    /** Every model by the {@code driftwatch.*} rules ({@link ConfigModelRules}). */
    public static Topology build(DriftwatchConfig config, RecordDecoder<InferenceLog> decoder,
                                 @Nullable RecordDecoder<FeedbackLabel> labelDecoder, WindowComparison comparison,
                                 int inputPartitions, MeterRegistry meters, Clock clock) {
        return build(config, decoder, labelDecoder, comparison, new ConfigModelRules(config), inputPartitions, meters, clock);
    }

    /**
     * @param labelDecoder    decoder of the labels topic; null leaves quality out
     * @param rules           checks the policies on the policies topic and gives each model version its rules
     * @param inputPartitions partitions of the inferences topic (the merge stage's count of reports to expect, and
     *                        the label join's repartition count)
     */
    public static Topology build(DriftwatchConfig config, RecordDecoder<InferenceLog> decoder,
                                 @Nullable RecordDecoder<FeedbackLabel> labelDecoder, WindowComparison comparison,
                                 ModelRulesSource rules, int inputPartitions, MeterRegistry meters, Clock clock) {
        requireNonNull(config, "config");
        StreamsBuilder builder = new StreamsBuilder();
        IngestTopology ingest = new IngestTopology(Topics.DEAD_LETTER.name(config), Topics.DEAD_LETTER.valueSerde(),
                new RegistryWait(config.registryWaitMax(), meters), new IngestMetrics(meters), clock);
        KStream<String, InferenceLog> inferences = ingest.inferences(builder, Topics.INFERENCES.name(config), decoder);
        PolicyMetrics policyMetrics = new PolicyMetrics(meters);
        KStream<String, ClosedWindow> closed = new WindowTopology(config.windows(), config.numericProfiles(),
                config.categoricalProfiles(), inputPartitions, rules, policyMetrics, new WindowMetrics(meters))
                .closedWindows(builder, inferences, BASELINES_STORE);

        closed.flatMapValues(WindowProfileRecords::of, Named.as("window-profiles"))
                .to(Topics.PROFILES.name(config), Produced.with(Topics.PROFILES.keySerde(), Topics.PROFILES.valueSerde())
                        .withName("profiles-sink"));

        builder.globalTable(Topics.BASELINES.name(config),
                Consumed.with(Topics.BASELINES.keySerde(), Topics.BASELINES.valueSerde()).withName("baselines-source"),
                Materialized.<String, Baseline, KeyValueStore<Bytes, byte[]>>as(BASELINES_STORE)
                        .withKeySerde(Topics.BASELINES.keySerde()).withValueSerde(Topics.BASELINES.valueSerde()));
        AcceptedPolicies.addTo(builder, Topics.POLICIES.name(config), rules, policyMetrics);
        String performanceStore = null;
        if (labelDecoder != null) {
            new QualityTopology(config, new QualityMetrics(meters), rules, policyMetrics).addTo(builder, inferences,
                    ingest.labels(builder, Topics.LABELS.name(config), labelDecoder), BASELINES_STORE, inputPartitions);
            WindowPerformanceStore.addTo(builder, Topics.QUALITY_REPORTS.name(config));
            performanceStore = WindowPerformanceStore.STORE;
        }
        new DriftTopology(config, comparison, new DriftMetrics(meters), rules, policyMetrics).addTo(builder, closed,
                BASELINES_STORE, performanceStore);
        return builder.build();
    }
}
