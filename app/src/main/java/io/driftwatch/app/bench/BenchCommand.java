package io.driftwatch.app.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code driftwatch bench}: the parent of the benchmark commands, one subcommand per thing measured, so
 * later benchmarks join as subcommands. Alone it prints its usage.
 */
@Command(name = "bench",
        description = {"Benchmarks: driftwatch against a plain baseline, side by side in one run. Results are kept in bench/RESULTS.md.", ""},
        subcommands = {DecodeBenchCommand.class, StreamBenchCommand.class},
        footer = {"", "Run 'driftwatch bench COMMAND --help' for a benchmark's options."})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
