package io.driftwatch.cli.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.schemas.record.Evidence;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.WindowRef;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerJsonTest {

    private static RetrainingTrigger trigger(@Nullable String policyId) {
        return RetrainingTrigger.newBuilder().setTriggerId("t-1").setModelName("credit").setModelVersion("v7")
                .setRule("dataset_drift").setRuleDescription("dataset drift in 1 consecutive window")
                .setFiredAt(Instant.parse("2026-12-01T13:00:00Z"))
                .setWindows(List.of(new WindowRef(Instant.parse("2026-12-01T12:00:00Z"), Instant.parse("2026-12-01T13:00:00Z"), "r-1")))
                .setEvidence(List.of(new Evidence("income", "psi", 0.4, null, 0.2, "psi 0.4")))
                .setSummary("credit v7: dataset drift").setSummarySlug("credit-v7-dataset-drift").setPolicyId(policyId).build();
    }

    @Test
    void aTriggerNamesThePolicyItWasJudgedUnder() throws Exception {
        JsonNode line = new ObjectMapper().readTree(TriggerJson.line(trigger("3f9a2c41b7de")));

        assertThat(line.get("policy_id").asText()).isEqualTo("3f9a2c41b7de");
        assertThat(line.get("rule").asText()).isEqualTo("dataset_drift");
    }

    @Test
    void aTriggerWrittenBeforePoliciesShowsANullPolicyId() throws Exception {
        JsonNode line = new ObjectMapper().readTree(TriggerJson.line(trigger(null)));

        assertThat(line.has("policy_id")).isTrue();
        assertThat(line.get("policy_id").isNull()).isTrue();
    }
}
