package io.driftwatch.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.topology.config.InputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static picocli.CommandLine.Model.CommandSpec;

/**
 * {@code driftwatch bench}: every benchmark in one run, each figure measured side by side on the same broker
 * and topic or the same files, so the table can be trusted on any machine; the subcommands run one each.
 */
@Command(name = "bench",
        description = {"Benchmarks: driftwatch against a plain baseline, side by side in one run. Results are kept in bench/RESULTS.md.",
                "Alone, runs them all (about 6 minutes on 2 cores): stream throughput (json and avro-single, 1 and 2 stream"
                        + " threads), state per feature and window, trigger latency, decoding, and check against SciPy.", ""},
        subcommands = {StreamBenchCommand.class, LatencyBenchCommand.class, DecodeBenchCommand.class},
        sortOptions = false,
        footer = {"", "JSON output (--json): one object with the subcommands' objects under",
                "  stream, latency, decode, and batch (rows, driftwatch_seconds, scipy_seconds, ratio,",
                "  max_statistic_difference; or skipped: why), and seconds (the whole run).",
                "", "Examples:", "  driftwatch bench", "  driftwatch bench --json > bench.json", "  driftwatch bench stream --help",
                "", "Run 'driftwatch bench COMMAND --help' for a benchmark's options."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--records", paramLabel = "N", description = "Records per stream run (default: ${DEFAULT-VALUE}).")
    private int records = 1_000_000;

    @Option(names = "--rows", paramLabel = "N", description = "Rows per file of the check benchmark (default: ${DEFAULT-VALUE}).")
    private int rows = 1_000_000;

    @Option(names = "--checkout", paramLabel = "DIR", description = "The driftwatch checkout holding bench/ (default: the current directory).")
    private Path checkout = Path.of(".");

    @Option(names = "--json", description = "Print one JSON object instead of the tables.")
    private boolean json;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    @SuppressWarnings("UnusedVariable") // picocli reads a usageHelp option itself: it prints the help and exits
    private boolean help;

    @Override
    public Integer call() throws BadInputException, InterruptedException {
        if (records < 1 || rows < 1) {
            throw new BadInputException("--records and --rows must be at least 1, were " + records + " and " + rows);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        int partitions = 2;
        List<StreamTiming> stream = new ArrayList<>();
        TriggerLatency latency;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            StreamBenchmark streamBenchmark = new StreamBenchmark(broker.bootstrapServers(), records, partitions, List.of(1, 2),
                    Map.of(), line -> progress(err, line));
            for (InputFormat format : List.of(InputFormat.JSON, InputFormat.AVRO_SINGLE)) {
                stream.addAll(streamBenchmark.run(format, Optional.empty()));
            }
            latency = new TriggerLatencyBenchmark(broker.bootstrapServers(), partitions, 15, 2_000, line -> progress(err, line)).run();
        } catch (IllegalStateException e) {
            err.println("bench failed: " + e.getMessage());
            err.flush();
            return ExitCode.FAILURE;
        }
        progress(err, "  decode");
        List<DecodeTiming> decode = new DecodeBenchmark(200_000, 3).run();
        progress(err, "  check against SciPy: python3 bench/check/run.py --rows " + rows);
        StringBuilder batchSkipped = new StringBuilder();
        Optional<JsonNode> batch = new BatchBenchmark(checkout, rows).run(batchSkipped);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            root.set("stream", StreamBenchReport.json(records, partitions, stream));
            root.set("latency", LatencyReport.json(2_000, partitions, latency));
            root.set("decode", DecodeBenchReport.jsonNode(200_000, 3, decode));
            if (batch.isPresent()) {
                root.set("batch", batch.get());
            } else {
                root.putObject("batch").put("skipped", batchSkipped.toString());
            }
            root.put("seconds", seconds);
            out.println(root);
        } else {
            out.println(StreamBenchReport.table(records, partitions, stream));
            out.println(LatencyReport.table(2_000, partitions, latency));
            out.println(DecodeBenchReport.table(200_000, 3, decode));
            out.println(batch.map(BenchCommand::batchLine).orElse("check against SciPy: skipped: " + batchSkipped));
            out.printf(Locale.ROOT, "%nwhole run: %.0f s%n", seconds);
        }
        out.flush();
        return latency.triggers() == latency.expected() ? ExitCode.OK : ExitCode.FAILURE;
    }

    private static String batchLine(JsonNode batch) {
        return String.format(Locale.ROOT, "check against SciPy: %,d rows x 25 columns, reference and current: driftwatch %.2f s,"
                        + " NumPy + SciPy %.2f s, ratio %.2fx, largest statistic difference %.1e",
                batch.get("rows").asLong(), batch.get("driftwatch_seconds").asDouble(), batch.get("scipy_seconds").asDouble(),
                batch.get("ratio").asDouble(), batch.get("max_statistic_difference").asDouble());
    }

    private static void progress(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }
}
