package io.driftwatch.policy;

import io.driftwatch.policy.layer.PolicyLayer;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishedPoliciesTest {
    private static final String CREDIT = "model: credit\ntriggers: {dataset_drift: {consecutive: 1}}\n";
    private static final String CREDIT_V2 = "model: credit\nversions: ['2', '3']\ntriggers: {dataset_drift: {consecutive: 4}}\n";
    private static final PolicyLayer NO_DEFAULTS = PolicyLayer.builder("none").build();

    private final PublishedPolicies published = new PublishedPolicies();

    @Test
    void theKeyOfAPolicyIsItsModelAndItsVersionsAsPublishWritesIt() throws PolicyException {
        assertThat(PublishedPolicies.keyOf(PolicyDocument.parse("a", CREDIT).policy())).isEqualTo("credit/*");
        assertThat(PublishedPolicies.keyOf(PolicyDocument.parse("b", CREDIT_V2).policy())).isEqualTo("credit/2,3");
    }

    @Test
    void aRecordUnderTheKeyItsTextCallsForIsAccepted() throws PolicyException {
        assertThat(published.accept("credit/*", CREDIT).policy().model()).isEqualTo("credit");
    }

    @Test
    void aRecordUnderAnotherKeyIsRefusedNamingTheKeyItCallsFor() {
        assertThatThrownBy(() -> published.accept("fraud/*", CREDIT)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("published under key 'fraud/*', but its model and versions call for 'credit/*'");
    }

    @Test
    void anInvalidRecordIsRefusedWithItsLineAndColumn() {
        assertThatThrownBy(() -> published.accept("credit/*", "model: credit\nwindow: {sise: 1h}\n"))
                .isInstanceOf(PolicyException.class).hasMessageStartingWith("credit/*:2:");
    }

    @Test
    void theSetResolvesAVersionToItsOwnPolicyOverTheModels() {
        Map<String, String> records = new LinkedHashMap<>();
        records.put("credit/*", CREDIT);
        records.put("credit/2,3", CREDIT_V2);
        PolicySet set = published.set(records);

        assertThat(set.effective("credit", Optional.of("3"), NO_DEFAULTS).policy().triggers().datasetDrift()
                .orElseThrow().consecutive().getAsInt()).isEqualTo(4);
        assertThat(set.effective("credit", Optional.of("1"), NO_DEFAULTS).policy().triggers().datasetDrift()
                .orElseThrow().consecutive().getAsInt()).isEqualTo(1);
    }

    @Test
    void aLaterKeyClaimingAVersionAnEarlierKeyHoldsIsLeftOutAndInvalidRecordsAreSkipped() {
        Map<String, String> records = new LinkedHashMap<>();
        records.put("credit/2,3", CREDIT_V2);
        records.put("credit/3", "model: credit\nversions: ['3']\ntriggers: {dataset_drift: {consecutive: 9}}\n");
        records.put("fraud/*", "model: fraud\nwindow: {sise: 1h}\n");
        PolicySet set = published.set(records);

        assertThat(set.documents()).extracting(PolicyDocument::source).containsExactly("credit/2,3");
        assertThat(set.effective("credit", Optional.of("3"), NO_DEFAULTS).policy().triggers().datasetDrift()
                .orElseThrow().consecutive().getAsInt()).isEqualTo(4);
    }
}
