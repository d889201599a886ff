package io.driftwatch.topics;

import io.driftwatch.schemas.record.Evidence;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.WindowRef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {
    private final TopicsConfig config = new TopicsConfig(Map.of("bootstrap.servers", "localhost:9092",
            TopicsConfig.TOPIC_PARTITIONS_CONFIG, "6", TopicsConfig.TOPIC_REPLICATION_FACTOR_CONFIG, "3",
            TopicsConfig.TRIGGERS_TOPIC_CONFIG, "ci.retrain"));

    private Map<String, TopicSpec> specsByName() {
        return Topics.specs(config).stream().collect(Collectors.toMap(TopicSpec::name, Function.identity()));
    }

    @Test
    void everyTopicNamedInTheConfigurationIsDeclaredOnce() {
        assertThat(Topics.ALL).extracting(Topic::configKey).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(TopicsConfig.CONFIG_DEF.names().stream()
                        .filter(key -> key.startsWith("driftwatch.topic.") && !key.equals(TopicsConfig.TOPIC_PARTITIONS_CONFIG)
                                && !key.equals(TopicsConfig.TOPIC_REPLICATION_FACTOR_CONFIG)
                                && !key.equals(TopicsConfig.PROFILES_RETENTION_CONFIG))
                        .toList());
    }

    @Test
    void theServiceCreatesEveryTopicUnderItsConfiguredNameWithTheConfiguredReplication() {
        Map<String, TopicSpec> specs = specsByName();
        assertThat(specs).containsOnlyKeys("inferences", "labels", "driftwatch.profiles", "driftwatch.baselines",
                "driftwatch.policies", "driftwatch.drift-reports", "driftwatch.quality-reports", "ci.retrain", "driftwatch.alerts", "driftwatch.dead-letter");
        assertThat(specs.values()).allSatisfy(spec -> assertThat(spec.replicationFactor()).contains((short) 3));
    }

    @Test
    void triggersAlertsAndBaselinesHaveOnePartitionAndTheRestTheConfiguredCount() {
        Map<String, TopicSpec> specs = specsByName();
        assertThat(specs.get("ci.retrain").partitions()).isEqualTo(1);
        assertThat(specs.get("driftwatch.alerts").partitions()).isEqualTo(1);
        assertThat(specs.get("driftwatch.baselines").partitions()).isEqualTo(1);
        assertThat(specs.get("inferences").partitions()).isEqualTo(6);
        assertThat(specs.get("driftwatch.drift-reports").partitions()).isEqualTo(6);
    }

    @Test
    void theBaselinesTopicIsCompactedAndTakesRecordsOfUpTo64MiB() {
        assertThat(Topics.BASELINES.spec(config, "team.baselines").configs()).containsOnly(
                Map.entry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                Map.entry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024)));
        assertThat(Topics.BASELINES.spec(config, "team.baselines").name()).isEqualTo("team.baselines");
    }

    @Test
    void theProfilesTopicIsCreatedWithFourHundredDaysOfRetentionUnlessTheConfigurationSaysOtherwise() {
        assertThat(specsByName().get("driftwatch.profiles").configs())
                .containsOnly(Map.entry(TopicConfig.RETENTION_MS_CONFIG, "34560000000"));
        TopicsConfig forever = new TopicsConfig(Map.of("bootstrap.servers", "localhost:9092",
                TopicsConfig.PROFILES_RETENTION_CONFIG, "-1"));
        assertThat(Topics.PROFILES.spec(forever).configs()).containsOnly(Map.entry(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        assertThat(specsByName().get("driftwatch.drift-reports").configs()).isEmpty();
    }

    @Test
    void aProfilesRetentionBelowMinusOneIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new TopicsConfig(Map.of("bootstrap.servers", "localhost:9092",
                TopicsConfig.PROFILES_RETENTION_CONFIG, "-2")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(TopicsConfig.PROFILES_RETENTION_CONFIG);
    }

    @Test
    void thePoliciesTopicIsOneCompactedPartitionOfPlainText() {
        TopicSpec spec = specsByName().get("driftwatch.policies");
        assertThat(spec.partitions()).isEqualTo(1);
        assertThat(spec.configs()).containsOnly(Map.entry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        String policy = "model: credit  # the owner's comment stays\nversions: \"*\"\n";
        byte[] bytes = Topics.POLICIES.valueSerde().serializer().serialize("driftwatch.policies", policy);
        assertThat(Topics.POLICIES.valueSerde().deserializer().deserialize("driftwatch.policies", bytes)).isEqualTo(policy);
    }

    @Test
    void aTriggerWrittenWithTheTopicsSerdeIsReadBackByIt() {
        RetrainingTrigger trigger = RetrainingTrigger.newBuilder().setTriggerId("t-1").setModelName("credit")
                .setModelVersion("v7").setRule("dataset_drift").setRuleDescription("dataset drift in 1 window")
                .setFiredAt(Instant.ofEpochSecond(7200))
                .setWindows(List.of(new WindowRef(Instant.ofEpochSecond(3600), Instant.ofEpochSecond(7200), null)))
                .setEvidence(List.of(new Evidence("income", "wasserstein", 0.4, null, 0.1, "normed distance 0.4")))
                .setSummary("credit v7: dataset drift (income)").setSummarySlug("credit-v7-dataset-drift-income").build();
        byte[] bytes = Topics.TRIGGERS.valueSerde().serializer().serialize("ci.retrain", trigger);
        assertThat(Topics.TRIGGERS.valueSerde().deserializer().deserialize("ci.retrain", bytes)).isEqualTo(trigger);
    }

    @Test
    void aConfigurationWithoutBootstrapServersIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new TopicsConfig(Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bootstrap.servers");
    }
}
