package io.driftwatch.tools.chaos;

import io.driftwatch.schemas.record.DriftReport;
import io.driftwatch.schemas.record.RetrainingTrigger;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serde;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a run wrote, as CI and dashboards read it (read_committed): the windows of each trigger id, how many
 * trigger records repeated an id, and each report's values by report id, so two runs can be compared whole.
 */
record RunOutcome(Map<String, List<Instant>> triggerWindows, int duplicateTriggers, Map<String, String> reports, int duplicateReports) {

    static RunOutcome read(String bootstrapServers, RunSettings run) {
        Serde<RetrainingTrigger> triggerSerde = Topics.TRIGGERS.valueSerde();
        Serde<DriftReport> reportSerde = Topics.DRIFT_REPORTS.valueSerde();
        Map<String, List<Instant>> triggerWindows = new TreeMap<>();
        int duplicateTriggers = 0;
        String triggers = run.topic(DriftwatchConfig.TRIGGERS_TOPIC_CONFIG);
        for (ConsumerRecord<byte[], byte[]> record : CommittedRecords.readAll(bootstrapServers, triggers)) {
            RetrainingTrigger trigger = triggerSerde.deserializer().deserialize(triggers, record.value());
            if (triggerWindows.put(trigger.getTriggerId(), trigger.getWindows().stream().map(w -> w.getStart()).toList()) != null) {
                duplicateTriggers++;
            }
        }
        Map<String, String> reports = new TreeMap<>();
        int duplicateReports = 0;
        String reportTopic = run.topic(DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG);
        for (ConsumerRecord<byte[], byte[]> record : CommittedRecords.readAll(bootstrapServers, reportTopic)) {
            DriftReport report = reportSerde.deserializer().deserialize(reportTopic, record.value());
            String values = report.getColumns().stream()
                    .map(c -> c.getFeature() + "=" + c.getTests().stream().map(t -> t.getTest() + ":" + t.getStatistic() + ":" + t.getPValue()).toList())
                    .collect(Collectors.joining(";")) + " drift=" + report.getDatasetDrift();
            if (reports.put(report.getReportId(), values) != null) {
                duplicateReports++;
            }
        }
        return new RunOutcome(triggerWindows, duplicateTriggers, reports, duplicateReports);
    }

    /** The ids of reports whose values differ from {@code reference}'s, or that only one of the two runs wrote. */
    List<String> reportsDifferingFrom(RunOutcome reference) {
        Set<String> ids = new TreeSet<>(reports.keySet());
        ids.addAll(reference.reports.keySet());
        return ids.stream().filter(id -> !Objects.equals(reports.get(id), reference.reports.get(id))).toList();
    }

    /**
     * Checks this run against the uninterrupted {@code reference}: no trigger or report written twice, the same triggers
     * for the same windows, every report's values equal. {@code how} names the fault in each claim.
     */
    void checkSameAs(RunOutcome reference, ChaosRun run, String how) {
        run.checkEqual(how + ": no trigger written twice", 0, duplicateTriggers);
        run.checkEqual(how + ": the same triggers, for the same windows, as the uninterrupted run", reference.triggerWindows, triggerWindows);
        run.checkEqual(how + ": no report written twice", 0, duplicateReports);
        List<String> differing = reportsDifferingFrom(reference);
        run.check(how + ": every report's statistics and p-values equal to the uninterrupted run's", differing.isEmpty(),
                differing.isEmpty() ? reference.reports.size() + " reports equal" : "differing or missing: " + differing);
    }

    /** A check's observation: trigger and report counts, and any repeats. */
    String summary() {
        return triggerWindows.size() + " triggers (" + duplicateTriggers + " repeated), " + reports.size() + " reports ("
                + duplicateReports + " repeated)";
    }
}
