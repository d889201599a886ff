package io.driftwatch.cli.triggers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.schemas.record.Evidence;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.schemas.record.WindowRef;

/**
 * A retraining trigger as one line of JSON, the form a CI job reads: stable field names in snake case,
 * times in ISO-8601 UTC, {@code null} for what is absent. docs/run.md documents the fields.
 */
public final class TriggerJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TriggerJson() {
    }

    public static String line(RetrainingTrigger trigger) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("trigger_id", trigger.getTriggerId())
                .put("model", trigger.getModelName())
                .put("version", trigger.getModelVersion())
                .put("rule", trigger.getRule())
                .put("rule_description", trigger.getRuleDescription())
                .put("fired_at", trigger.getFiredAt().toString())
                .put("policy_id", trigger.getPolicyId());
        ArrayNode windows = root.putArray("windows");
        for (WindowRef window : trigger.getWindows()) {
            windows.addObject().put("start", window.getStart().toString()).put("end", window.getEnd().toString())
                    .put("report_id", window.getReportId());
        }
        ArrayNode evidence = root.putArray("evidence");
        for (Evidence item : trigger.getEvidence()) {
            ObjectNode node = evidence.addObject().put("feature", item.getFeature()).put("test", item.getTest())
                    .put("statistic", item.getStatistic()).put("threshold", item.getThreshold()).put("detail", item.getDetail());
            if (item.getPValue() == null) {
                node.putNull("pvalue");
            } else {
                node.put("pvalue", item.getPValue());
            }
        }
        root.put("summary", trigger.getSummary()).put("summary_slug", trigger.getSummarySlug());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
