package io.driftwatch.tools.chaos;

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
     * Waits until {@code run} has committed every record of {@code inputTopic} there is now but {@code behind} at most (0:
     * every record; more, for traffic that goes on arriving).
     *
     * @return how long it took
     * @throws TimeoutException naming how many records were still to commit
     */
    static Duration awaitInput(Admin admin, RunSettings run, String inputTopic, long behind, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long start = System.nanoTime();
        long lag;
        while ((lag = CommittedRecords.lag(admin, run.applicationId(), inputTopic)) > behind) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new TimeoutException(run.applicationId() + " still had " + lag + " records of " + inputTopic + " to commit after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
        return Duration.ofNanos(System.nanoTime() - start);
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
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            awaitInput(admin, run, inputTopic, 0, timeout);
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
