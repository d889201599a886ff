package io.driftwatch.app.chaos;

import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.clients.admin.Admin;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Waiting for a run to finish its input: every input record committed, then every window's report committed. */
final class Completion {
    private Completion() {
    }

    /**
     * Waits until {@code run} has committed every record of {@code inputTopic} and its report topic holds {@code reports}
     * committed reports; the merge stage commits after the first stage, so the second condition comes later.
     *
     * @return how long it took
     * @throws TimeoutException naming what was still missing
     */
    static Duration awaitReports(String bootstrapServers, RunSettings run, String inputTopic, int reports, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long lag;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            while ((lag = CommittedRecords.lag(admin, run.applicationId(), inputTopic)) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(run.applicationId() + " still had " + lag + " records of " + inputTopic + " to commit after " + timeout.toSeconds() + " s");
                }
                Thread.sleep(500);
            }
        }
        String reportTopic = run.topic(DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG);
        int committed;
        while ((committed = CommittedRecords.readAll(bootstrapServers, reportTopic).size()) < reports) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(run.applicationId() + " committed " + committed + " of " + reports + " reports in " + timeout.toSeconds() + " s");
            }
            Thread.sleep(1_000);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
