package io.driftwatch.tools.chaos;

import io.driftwatch.service.DriftwatchService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service run in this JVM over {@link KnownDrift}'s traffic until every window is reported: the
 * uninterrupted reference a faulted run is compared with, and instances that share the work. In this JVM
 * because nothing is done to it, so it needs no process of its own to kill or watch.
 */
final class InProcessRun {
    private InProcessRun() {
    }

    /**
     * Runs the service uninterrupted as run {@code reference}, reports what it wrote, and checks that it triggers once
     * per drift episode; a faulted run can only be compared with a reference that holds this.
     *
     * @return what the reference wrote, or empty when its check failed
     */
    static Optional<RunOutcome> reference(ChaosRun run, String bootstrapServers, KnownDrift drift, int partitions, Duration timeout)
            throws Exception {
        RunSettings settings = drift.settings(bootstrapServers, "reference", partitions);
        Duration took = untilReported(bootstrapServers, settings, 1, drift, run.directory(), timeout);
        RunOutcome reference = RunOutcome.read(bootstrapServers, settings);
        run.did("ran the service uninterrupted: %s in %d s", reference.summary(), took.toSeconds());
        boolean holds = run.check("the uninterrupted run triggers once per drift episode",
                reference.triggerWindows().size() == drift.episodes(), drift.episodes() + " episodes, triggers for windows "
                        + reference.triggerWindows().values());
        return holds ? Optional.of(reference) : Optional.empty();
    }

    /**
     * Runs {@code instances} instances of the service with {@code settings}, each with a state directory of its own under
     * {@code directory}, until they have committed every input record and every window's report, then closes them.
     *
     * @return how long the run took
     */
    static Duration untilReported(String bootstrapServers, RunSettings settings, int instances, KnownDrift drift, Path directory,
                                  Duration timeout) throws Exception {
        List<DriftwatchService> services = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                services.add(DriftwatchService.start(settings.config(), new SimpleMeterRegistry(),
                        Map.of("state.dir", directory.resolve("state-" + settings.applicationId() + "-" + i).toString())));
            }
            return Completion.awaitReports(bootstrapServers, settings, KnownDrift.TOPIC, drift.windows(), timeout);
        } finally {
            services.forEach(DriftwatchService::close);
        }
    }
}
