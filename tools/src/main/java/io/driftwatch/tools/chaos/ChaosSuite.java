package io.driftwatch.tools.chaos;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The scenarios in the order the suite runs them, and the runner that prints each one's transcript and the
 * tally. A scenario that throws counts as one failed check named after the exception, and the suite goes on
 * to the next scenario.
 */
public final class ChaosSuite {
    private ChaosSuite() {
    }

    /** Every scenario, cheapest first, so a short run reports something soon. */
    public static List<ChaosScenario> scenarios() {
        return List.of(new ClockScenario(), new SmtpOutageScenario(), new MalformedFloodScenario(), new AlertsKillScenario(),
                new OverloadScenario(), new RegistryOutageScenario(), new BrokerRestartScenario(), new CrashScenario());
    }

    /** The scenario named {@code name}, if there is one. */
    public static Optional<ChaosScenario> scenario(String name) {
        return scenarios().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Runs {@code scenario} in a subdirectory of {@code directory} named after it, printing its transcript and a
     * closing line {@code NAME: N passed, N failed (S s)}.
     */
    public static Outcome run(ChaosScenario scenario, boolean full, Path directory, PrintWriter out) {
        out.println("[" + scenario.name() + "] " + scenario.summary());
        out.flush();
        ChaosRun run = new ChaosRun(scenario.name(), full, directory.resolve(scenario.name()), out);
        long start = System.nanoTime();
        try {
            scenario.run(run);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.check("the scenario ran to its end", false, "interrupted");
        } catch (Exception | AssertionError e) {
            run.check("the scenario ran to its end", false, e.toString());
        }
        Outcome outcome = new Outcome(scenario.name(), run.passed(), run.failures(),
                Duration.ofNanos(System.nanoTime() - start));
        out.println("[" + scenario.name() + "] " + outcome.tally() + String.format(Locale.ROOT, " (%d s)", outcome.took().toSeconds()));
        out.println();
        out.flush();
        return outcome;
    }

    /** Runs every scenario in {@code scenarios} and ends with the line {@code N passed, N failed} over all checks. */
    public static List<Outcome> runAll(List<ChaosScenario> scenarios, boolean full, Path directory, PrintWriter out) {
        List<Outcome> outcomes = new ArrayList<>();
        for (ChaosScenario scenario : scenarios) {
            outcomes.add(run(scenario, full, directory, out));
        }
        int passed = outcomes.stream().mapToInt(Outcome::passed).sum();
        int failed = outcomes.stream().mapToInt(o -> o.failures().size()).sum();
        for (Outcome outcome : outcomes) {
            outcome.failures().forEach(failure -> out.println("FAILED [" + outcome.scenario() + "] " + failure));
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return outcomes;
    }

    /** One scenario's result: the checks that held, the ones that did not (with what was observed), and its time. */
    public record Outcome(String scenario, int passed, List<String> failures, Duration took) {
        /** {@code N passed, N failed}. */
        public String tally() {
            return passed + " passed, " + failures.size() + " failed";
        }

        /** True when at least one check ran and none failed. */
        public boolean succeeded() {
            return passed > 0 && failures.isEmpty();
        }
    }
}
