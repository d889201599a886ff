package io.driftwatch.tools.chaos;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The trigger topic's promise across crashes: a run SIGKILLed at random points and restarted, and two instances
 * sharing the work, write the same triggers exactly once and the same report values as an uninterrupted run.
 */
final class CrashScenario implements ChaosScenario {
    private static final int PARTITIONS = 2;
    private static final Duration CATCH_UP = Duration.ofMinutes(5);

    @Override
    public String name() {
        return "crash";
    }

    @Override
    public String summary() {
        return "the service SIGKILLed at random points and restarted, then two instances sharing the work: every trigger"
                + " exactly once, every report equal to an uninterrupted run's";
    }

    @Override
    public void run(ChaosRun run) throws Exception {
        KnownDrift drift = KnownDrift.sized(run, 4_000);
        int kills = run.size(5, 10);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            String bootstrap = broker.bootstrapServers();
            drift.publish(run, bootstrap, PARTITIONS);

            Optional<RunOutcome> reference = InProcessRun.reference(run, bootstrap, drift, PARTITIONS, CATCH_UP);
            if (reference.isEmpty()) {
                return;
            }

            RunSettings crashedRun = drift.settings(bootstrap, "crashed", PARTITIONS);
            List<Long> lagAtKill = killRepeatedly(bootstrap, crashedRun, kills, drift, run.directory());
            run.did("SIGKILLed the service (a child JVM) %d times, each at a random point after it had committed progress, and restarted it;"
                    + " input records still to commit at each kill: %s", kills, lagAtKill);
            RunOutcome.read(bootstrap, crashedRun).checkSameAs(reference.get(), run, "killed and restarted");

            RunSettings pairRun = drift.settings(bootstrap, "pair", PARTITIONS);
            InProcessRun.untilReported(bootstrap, pairRun, 2, drift, run.directory(), CATCH_UP);
            run.did("ran two instances of the service side by side, sharing the partitions");
            RunOutcome.read(bootstrap, pairRun).checkSameAs(reference.get(), run, "two instances");
        }
    }

    /**
     * Kills the child at a random point after it has made progress since its start, so every kill lands mid-run,
     * and returns, for each kill, the input records the run still had to commit.
     */
    private static List<Long> killRepeatedly(String bootstrap, RunSettings settings, int kills, KnownDrift drift, Path directory) throws Exception {
        Path config = settings.write(directory);
        Random random = new Random(17);
        List<Long> lagAtKill = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long lag = drift.records();
            for (int kill = 0; kill < kills; kill++) {
                ChildJvm child = ChildJvm.start(512, directory.resolve("crashed-" + kill + ".log"), "run", "--config", config.toString());
                long deadline = System.nanoTime() + CATCH_UP.toNanos();
                long before = lag;
                while (lag == before && lag > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    lag = CommittedRecords.lag(admin, settings.applicationId(), KnownDrift.TOPIC);
                }
                Thread.sleep(random.nextInt(2_000));
                child.kill();
                lag = CommittedRecords.lag(admin, settings.applicationId(), KnownDrift.TOPIC);
                lagAtKill.add(lag);
            }
        }
        try (ChildJvm last = ChildJvm.start(512, directory.resolve("crashed-last.log"), "run", "--config", config.toString())) {
            Completion.awaitReports(bootstrap, settings, KnownDrift.TOPIC, drift.windows(), CATCH_UP);
        }
        return lagAtKill;
    }
}
