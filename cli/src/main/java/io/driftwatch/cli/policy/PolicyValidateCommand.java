package io.driftwatch.cli.policy;

import io.driftwatch.cli.ExitCode;
import io.driftwatch.policy.ModelPolicy;
import io.driftwatch.policy.PolicyComparison;
import io.driftwatch.policy.PolicyDocument;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.policy.PolicyProblem;
import io.driftwatch.policy.PolicySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code driftwatch policy validate FILE...}: checks policy files as a CI job of the model's repository would before
 * they are published, every problem of every file at once in the {@code FILE:LINE:COL: message} form editors and CI
 * annotate.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check policy files: YAML, keys, types, tests, thresholds and the rules between them.", ""},
        footer = {"", "Examples:", "  driftwatch policy validate policies/*.yaml",
                "", "Prints one line per valid file (model, versions, id); each problem as FILE:LINE:COL: message."})
public final class PolicyValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Policy files (YAML).")
    private List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = ExitCode.OK;
        List<PolicyDocument> documents = new ArrayList<>();
        for (Path file : files) {
            try {
                PolicyDocument document = PolicyDocument.read(file);
                documents.add(document);
                ModelPolicy policy = document.policy();
                out.println(file + ": valid; model " + policy.model() + ", versions "
                        + (policy.versions().isEmpty() ? ModelPolicy.ANY : String.join(", ", policy.versions()))
                        + ", id " + document.id());
            } catch (PolicyException e) {
                e.problems().stream().map(PolicyProblem::toString).forEach(err::println);
                exit = ExitCode.BAD_INPUT;
            }
        }
        if (exit == ExitCode.OK && documents.size() > 1) {
            try {
                List<PolicyProblem> contradictions = PolicyComparison.contradictions(PolicySet.of(documents));
                contradictions.stream().map(PolicyProblem::toString).forEach(err::println);
                exit = contradictions.isEmpty() ? exit : ExitCode.BAD_INPUT;
            } catch (PolicyException e) {
                e.problems().stream().map(PolicyProblem::toString).forEach(err::println);
                exit = ExitCode.BAD_INPUT;
            }
        }
        return exit;
    }
}
