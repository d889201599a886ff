package io.driftwatch.tools.bench;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.ExitCode;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;
import static picocli.CommandLine.Model.CommandSpec;

/**
 * {@code driftwatch bench latency}: how soon after a window closes its retraining trigger can be read, the
 * delay a CI job waiting on the trigger topic sees.
 */
@Command(name = "latency",
        description = {"Time from a window's close (stream time) to its retraining trigger on the topic, read with read_committed.",
                "Produces live traffic (event time = now) whose distribution flips every 2-second window, so that every"
                        + " window after the first triggers (one consecutive window, no cool-down), and times each trigger.", ""},
        sortOptions = false,
        footer = {"", "JSON output (--json): records_per_second, partitions, window_millis, triggers, expected_triggers,",
                "  median_millis, p99_millis, latencies_millis[].",
                "", "Examples:", "  driftwatch bench latency", "  driftwatch bench latency --windows 30 --json"})
public final class LatencyBenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--windows", paramLabel = "N", description = "Windows to time (default: ${DEFAULT-VALUE}).")
    private int windows = 15;

    @Option(names = "--rate", paramLabel = "N", description = "Records per second produced (default: ${DEFAULT-VALUE}).")
    private int rate = 2_000;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the inferences topic (default: ${DEFAULT-VALUE}).")
    private int partitions = 2;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Use this Kafka cluster instead of an embedded broker.")
    private @Nullable String bootstrapServers;

    @Option(names = "--json", description = "Print one JSON object instead of the text.")
    private boolean json;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    @SuppressWarnings("UnusedVariable") // picocli reads a usageHelp option itself: it prints the help and exits
    private boolean help;

    @Override
    public Integer call() throws BadInputException, InterruptedException {
        if (windows < 3 || rate < 100 || partitions < 1) {
            throw new BadInputException("--windows must be at least 3, --rate at least 100 and --partitions at least 1; were "
                    + windows + ", " + rate + " and " + partitions);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TriggerLatency latency;
        try (EmbeddedKafkaBroker broker = bootstrapServers == null ? EmbeddedKafkaBroker.start() : null) {
            String servers = broker != null ? broker.bootstrapServers()
                    : requireNonNull(bootstrapServers, "without --bootstrap-servers, the embedded broker runs");
            latency = new TriggerLatencyBenchmark(servers, partitions, windows, rate, line -> {
                err.println(line);
                err.flush();
            }).run();
        } catch (IllegalStateException e) {
            err.println("bench latency failed: " + e.getMessage());
            err.flush();
            return ExitCode.FAILURE;
        }
        out.print(json ? LatencyReport.json(rate, partitions, latency).toString() + System.lineSeparator()
                : LatencyReport.table(rate, partitions, latency));
        out.flush();
        return latency.triggers() == latency.expected() ? ExitCode.OK : ExitCode.FAILURE;
    }
}
