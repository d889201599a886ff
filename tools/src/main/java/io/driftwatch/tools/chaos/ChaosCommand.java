package io.driftwatch.tools.chaos;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.ExitCode;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static picocli.CommandLine.Model.CommandSpec;

/**
 * {@code driftwatch chaos}: the reliability suite, so anyone can check driftwatch's promises on their own
 * machine, at the size CI runs or in full.
 */
@Command(name = "chaos",
        description = {"Runs the reliability suite: faults, bad input and load against a real embedded broker, each scenario"
                + " printing what it did and what it checked, then 'N passed, N failed'.", ""},
        sortOptions = false,
        footer = {"", "Examples:", "  driftwatch chaos --list", "  driftwatch chaos", "  driftwatch chaos --full",
                "  driftwatch chaos --scenario crash --scenario broker-restart"})
public final class ChaosCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--full", description = "Run every scenario at full size (records, faults and durations as docs/reliability.md states).")
    private boolean full;

    @Option(names = "--scenario", paramLabel = "NAME", description = "Run only this scenario (repeatable; default: all).")
    private List<String> only = new ArrayList<>();

    @Option(names = "--list", description = "List the scenarios and exit.")
    private boolean list;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where scenarios keep configs, logs and state (default: a new temporary directory, kept for reading).")
    private @Nullable Path workDirectory;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    @SuppressWarnings("UnusedVariable") // picocli reads a usageHelp option itself: it prints the help and exits
    private boolean help;

    @Override
    public Integer call() throws BadInputException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            ChaosSuite.scenarios().forEach(s -> out.printf("%-16s %s%n", s.name(), s.summary()));
            out.flush();
            return 0;
        }
        List<ChaosScenario> chosen = new ArrayList<>();
        for (String name : only) {
            chosen.add(ChaosSuite.scenario(name).orElseThrow(() -> new BadInputException("no chaos scenario named '" + name
                    + "'; 'driftwatch chaos --list' lists them")));
        }
        if (chosen.isEmpty()) {
            chosen.addAll(ChaosSuite.scenarios());
        }
        Path directory = workDirectory != null ? Files.createDirectories(workDirectory) : Files.createTempDirectory("driftwatch-chaos");
        out.println("driftwatch chaos: " + chosen.size() + " scenario(s), " + (full ? "full" : "short") + " size; logs and state in " + directory);
        out.println();
        boolean allPassed = ChaosSuite.runAll(chosen, full, directory, out).stream().allMatch(ChaosSuite.Outcome::succeeded);
        return allPassed ? ExitCode.OK : ExitCode.FOUND;
    }
}
