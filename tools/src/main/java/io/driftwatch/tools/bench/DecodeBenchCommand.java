package io.driftwatch.tools.bench;

import io.driftwatch.cli.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

import static picocli.CommandLine.Model.CommandSpec;

/**
 * {@code driftwatch bench decode}: how fast driftwatch reads inference logs in each input format, against a
 * plain decode of the same bytes, so a change to the decoders shows its cost as a ratio that holds on any machine.
 */
@Command(name = "decode",
        description = {"Decoding speed of each input format: driftwatch's decoders against a plain decode of the same bytes.",
                "Records are generated InferenceLogs (20 numeric + 5 categorical features), encoded in memory in each format;"
                        + " the baselines are Avro's SpecificDatumReader with a reused BinaryDecoder (avro-registry,"
                        + " avro-single) and Jackson's readTree (json).",
                "The registry is an in-memory lookup: no network is timed. Each side runs once to warm up, then the best"
                        + " of --passes timed passes counts.", ""},
        sortOptions = false,
        footer = {"", "JSON output (--json): one object with",
                "  records, passes, java, cores: the run;",
                "  formats.<avro-registry|avro-single|json>:",
                "    bytes_per_record (mean record value size),",
                "    driftwatch_records_per_second, baseline_records_per_second,",
                "    ratio (driftwatch / baseline), baseline (what the baseline does).",
                "", "Examples:", "  driftwatch bench decode", "  driftwatch bench decode --records 1000000 --passes 5 --json"})
public final class DecodeBenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--records", paramLabel = "N", description = "Records per format (default: ${DEFAULT-VALUE}).")
    private int records = 200_000;

    @Option(names = "--passes", paramLabel = "N", description = "Timed passes per side; the best counts (default: ${DEFAULT-VALUE}).")
    private int passes = 3;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    private boolean json;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    @SuppressWarnings("UnusedVariable") // picocli reads a usageHelp option itself: it prints the help and exits
    private boolean help;

    @Override
    public Integer call() throws BadInputException {
        if (records < 1 || passes < 1) {
            throw new BadInputException("--records and --passes must be at least 1, were "
                    + records + " and " + passes);
        }
        List<DecodeTiming> timings = new DecodeBenchmark(records, passes).run();
        spec.commandLine().getOut().print(json ? DecodeBenchReport.json(records, passes, timings)
                : DecodeBenchReport.table(records, passes, timings));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
