package io.driftwatch.cli.policy;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.ColumnTypeOptions;
import io.driftwatch.cli.tabular.Table;
import io.driftwatch.cli.tabular.TableReader;
import io.driftwatch.policy.infer.InferredPolicy;
import io.driftwatch.policy.infer.InferredPolicyYaml;
import io.driftwatch.policy.infer.PolicyInference;
import io.driftwatch.stats.baseline.BaselineSettings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * {@code driftwatch policy infer}: a starting policy from a model's training file, as TFDV's {@code infer_schema} gives
 * a starting schema, so the model's owner edits a policy rather than writes one from nothing. The file is read and
 * typed by the {@link TableReader} of {@code check} and {@code baseline}, and the thresholds are those
 * {@code baseline --calibrate} stores for it.
 */
@Command(name = "infer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Infer a starting policy from a model's training file: each column's type, its default test with"
                + " the threshold baseline --calibrate would store, its range, allowed values (at most 20, each seen at"
                + " least 5 times) and largest missing share, and the columns that look like no feature (ids, row"
                + " numbers, timestamps) under features.exclude; a comment says where each value came from.",
                "Review it and edit it before use (docs/policies.md, \"Start from your training data\").", ""},
        footer = {"", "Examples:", "  driftwatch policy infer --input train.csv --model credit --output credit.yaml",
                "  driftwatch policy validate credit.yaml"})
public final class PolicyInferCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "Training data: CSV with a header line, JSON Lines (.jsonl/.ndjson/.json), either gzipped (.gz), or Parquet.")
    @SuppressWarnings("NullAway.Init") // a required option: picocli sets it before call() runs
    private Path input;

    @Option(names = "--model", paramLabel = "NAME",
            description = "The model the policy is for, as inference records name it (default: the input file's name"
                    + " without its extension).")
    private @Nullable String model;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the policy to FILE (default: standard output).")
    private @Nullable Path output;

    @Mixin
    private ColumnTypeOptions columnTypes = new ColumnTypeOptions();

    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws BadInputException {
        Table table = new TableReader(columnTypes.columnTypes()).read(input);
        if (table.rows() < PolicyInference.MIN_ROWS) {
            throw new BadInputException(input + " has " + table.rows() + " data rows; a policy is inferred from at least "
                    + PolicyInference.MIN_ROWS + ", so give the model's training file");
        }
        String name = model != null ? model : withoutExtension(input);
        if (name.isBlank()) {
            throw new BadInputException("--model must not be blank");
        }
        InferredPolicy policy = new PolicyInference(BaselineSettings.defaults()).infer(name, table.rows(), table.columns());
        String yaml = InferredPolicyYaml.render(policy, input.getFileName().toString(), clock.instant());
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(yaml);
            out.flush();
        } else {
            write(output, yaml);
            spec.commandLine().getErr().println("Wrote " + output + ": " + policy.features().size() + " features, "
                    + policy.excluded().size() + " columns excluded; check it with driftwatch policy validate " + output
                    + ", then publish it with driftwatch policy publish " + output);
        }
        return 0;
    }

    private static String withoutExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void write(Path file, String yaml) throws BadInputException {
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new BadInputException("cannot write --output " + file + ": " + e + "; check that its directory exists"
                    + " and is writable", e);
        }
    }
}
