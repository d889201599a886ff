package io.driftwatch.topology.policy;

import io.driftwatch.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;

import static java.util.Objects.requireNonNull;

/**
 * The global store of accepted policies ({@value #STORE}, topic key to text and publication time) that every stream
 * task reads when a window opens or closes: a global store, so every task sees every policy whatever partitions it owns, and fed through
 * {@link ModelRulesSource#check} rather than copied from the topic (as a global table would be), so a rejected
 * policy never replaces the one in force.
 *
 * <p>After a restart: the store is in memory, so it has no checkpoint, and Kafka Streams restores it by running the
 * intake again over the whole topic before any stream thread starts: {@code StreamsBuilder.addGlobalStore} registers
 * its processor to reprocess on restore ({@code InternalTopologyBuilder.addGlobalStore} with
 * {@code reprocessOnRestore}, which {@code GlobalStateManagerImpl.reprocessState} runs, in Kafka 4.3.1; a global
 * table copies the topic's bytes instead). The store then holds what the running source accepts of the retained
 * records, checked by the current code, and a rejected policy still on the topic is logged and counted once more.
 * One difference from an uninterrupted run: compaction keeps only a key's latest record, so once a rejected record
 * has compacted away the accepted one before it, a restart finds no accepted policy under that key and its models
 * fall back to the next policy that covers them (or the defaults) until a valid one is published again.
 */
public final class AcceptedPolicies {
    public static final String STORE = "driftwatch-policies";
    /** Names the source node {@code policies-source} and the intake node {@code policies}. */
    static final String NODE = "policies";

    private AcceptedPolicies() {
    }

    /** Adds the store and its intake to {@code builder}, reading the policies topic named {@code topic}. */
    public static void addTo(StreamsBuilder builder, String topic, ModelRulesSource source, PolicyMetrics metrics) {
        requireNonNull(source, "source");
        requireNonNull(metrics, "metrics");
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), AcceptedPolicy.SERDE)
                        .withLoggingDisabled(), topic,
                Consumed.with(Topics.POLICIES.keySerde(), Topics.POLICIES.valueSerde()).withName(NODE),
                () -> new PolicyIntake(STORE, source, metrics));
    }
}
