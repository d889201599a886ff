package io.driftwatch.tools.bench;

import io.driftwatch.broker.EmbeddedKafkaBroker;
import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.topology.config.InputFormat;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;
import static picocli.CommandLine.Model.CommandSpec;

/**
 * {@code driftwatch bench stream}: the full topology with exactly-once against a plain consumer reading the
 * same topic on the same broker in the same run, so the ratio says what driftwatch costs on any machine.
 */
@Command(name = "stream",
        description = {"Throughput of the full topology (exactly-once) against a plain consumer that reads and decodes the same"
                + " topic, and against a bare exactly-once Streams topology that only reads and decodes it (the floor).",
                "Starts an embedded Kafka broker unless --bootstrap-servers is given, writes --records generated inference logs"
                        + " (20 numeric + 5 categorical features, 1 ms apart in event time, so 1-minute windows close as it runs)"
                        + " per format to a fresh topic, then reads them back with each side in turn.",
                "avro-registry is not offered: no schema registry runs here; its decoder is measured by 'bench decode'.", ""},
        sortOptions = false,
        footer = {"", "JSON output (--json): one object with",
                "  records, partitions, java, cores: the run;",
                "  runs[]: one per format and thread count, with format, threads,",
                "    bytes_per_record, plain_records_per_second, bare_records_per_second, driftwatch_records_per_second,",
                "    ratio (driftwatch / plain), driftwatch_start_seconds (to RUNNING, not in the rate),",
                "    plain_cpu_micros_per_record, bare_cpu_micros_per_record, driftwatch_cpu_micros_per_record (stream threads only),",
                "    cpu_over_bare, cpu_over_plain (driftwatch's CPU per record over each),",
                "    windows_closed, records_in_closed_windows (the topology's work, checked),",
                "    numeric_profile_bytes, categorical_profile_bytes (state per feature and window),",
                "    heap_held_bytes (live heap after the run less before), peak_heap_bytes, baseline.",
                "", "Examples:", "  driftwatch bench stream", "  driftwatch bench stream --records 200000 --format json --profile"})
public final class StreamBenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--records", paramLabel = "N", description = "Records per format (default: ${DEFAULT-VALUE}).")
    private int records = 1_000_000;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "json and/or avro-single (default: both).")
    private List<String> formats = new ArrayList<>(List.of(InputFormat.JSON.label(), InputFormat.AVRO_SINGLE.label()));

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the inferences topic (default: ${DEFAULT-VALUE}).")
    private int partitions = 2;

    @Option(names = "--threads", paramLabel = "N", split = ",",
            description = "Kafka Streams threads; several (1,2) run one after the other on the same topic (default: 1).")
    private List<Integer> threads = new ArrayList<>(List.of(1));

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Use this Kafka cluster instead of an embedded broker.")
    private @Nullable String bootstrapServers;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A driftwatch or Kafka Streams setting for the driftwatch side, e.g. commit.interval.ms=100. Repeatable.")
    private Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--profile", description = "Also print where the stream threads spend their time (Java Flight Recorder).")
    private boolean profile;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    private boolean json;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    @SuppressWarnings("UnusedVariable") // picocli reads a usageHelp option itself: it prints the help and exits
    private boolean help;

    @Override
    public Integer call() throws BadInputException, InterruptedException {
        if (records < 1 || partitions < 1 || threads.stream().anyMatch(n -> n < 1)) {
            throw new BadInputException("--records, --partitions and --threads must be at least 1, were "
                    + records + ", " + partitions + " and " + threads);
        }
        List<InputFormat> chosen = new ArrayList<>();
        for (String format : formats) {
            InputFormat parsed = format.equals(InputFormat.JSON.label()) ? InputFormat.JSON
                    : format.equals(InputFormat.AVRO_SINGLE.label()) ? InputFormat.AVRO_SINGLE : null;
            if (parsed == null) {
                throw new BadInputException("--format " + format + " is not one of json, avro-single");
            }
            chosen.add(parsed);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<StreamTiming> timings = new ArrayList<>();
        List<List<String>> profiles = new ArrayList<>();
        try (EmbeddedKafkaBroker broker = bootstrapServers == null ? EmbeddedKafkaBroker.start() : null) {
            String servers = broker != null ? broker.bootstrapServers()
                    : requireNonNull(bootstrapServers, "without --bootstrap-servers, the embedded broker runs");
            err.println("bench stream: broker " + servers + (broker != null ? " (embedded)" : ""));
            err.flush();
            StreamBenchmark benchmark = new StreamBenchmark(servers, records, partitions, threads, settings, line -> {
                err.println(line);
                err.flush();
            });
            for (InputFormat format : chosen) {
                List<String> hot = new ArrayList<>();
                timings.addAll(benchmark.run(format, profile ? Optional.of(hot) : Optional.empty()));
                profiles.add(hot);
            }
        } catch (IllegalStateException e) {
            err.println("bench stream failed: " + e.getMessage());
            err.flush();
            return ExitCode.FAILURE;
        }
        out.print(json ? StreamBenchReport.json(records, partitions, timings).toString() + System.lineSeparator()
                : StreamBenchReport.table(records, partitions, timings));
        if (profile) {
            for (int i = 0; i < profiles.size(); i++) {
                out.println();
                out.println("profile, " + chosen.get(i).label() + ", " + threads.get(0) + " stream thread(s):");
                profiles.get(i).forEach(out::println);
            }
        }
        out.flush();
        return 0;
    }
}
