package io.driftwatch.cli;

import io.driftwatch.policy.EffectivePolicy;
import io.driftwatch.policy.ModelPolicy;
import io.driftwatch.policy.PolicyDocument;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.policy.PolicyProblem;
import io.driftwatch.policy.PolicySet;
import io.driftwatch.policy.layer.PolicyLayer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --policy} and {@code --exclude}, written once for {@code check} and {@code baseline}: the policy files a
 * model version is judged under (read and merged as {@code policy show} does, with no service settings beneath them,
 * since a file comparison has no window or trigger), and the columns left out of the files as they are read.
 */
final class PolicyOptions {
    @Option(names = "--policy", paramLabel = "FILE", description = "A monitoring policy file (docs/policies.md); repeat"
            + " for each (the * policy, the model's, its versions'). It chooses the columns, tests, thresholds, options"
            + " and expectations, as the stream applies them.")
    private List<Path> policyFiles = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "COLUMN", split = ",", description = "A column that is not a feature"
            + " (a request id, a timestamp): left out as the files are read, never typed, tested or expected. Repeatable,"
            + " or a comma list; adds to the policy's features.exclude.")
    private List<String> excludedColumns = new ArrayList<>();

    boolean hasPolicy() {
        return !policyFiles.isEmpty();
    }

    /**
     * The policy of {@code model} (when null, the one model the files hold, else the {@code *} policy) at
     * {@code version}; empty without {@code --policy}.
     *
     * @throws PolicyException   with every problem of every file, as {@code FILE:LINE:COL: message}
     * @throws BadInputException when no model is named and the files hold policies of several
     */
    Optional<EffectivePolicy> effective(@Nullable String model, Optional<String> version)
            throws PolicyException, BadInputException {
        if (policyFiles.isEmpty()) {
            return Optional.empty();
        }
        List<PolicyDocument> documents = PolicyDocument.readAll(policyFiles);
        String name = model != null ? model : onlyModel(documents);
        PolicyLayer none = PolicyLayer.builder("defaults").build();
        return Optional.of(PolicySet.of(documents).effective(name, version, none));
    }

    /** The columns {@code --exclude} and the policy leave out, sorted. */
    Set<String> excludedColumns(Optional<EffectivePolicy> policy) {
        Set<String> excluded = new TreeSet<>();
        excludedColumns.stream().map(String::strip).filter(column -> !column.isEmpty()).forEach(excluded::add);
        policy.ifPresent(effective -> excluded.addAll(effective.excludedColumns()));
        return excluded;
    }

    /** Prints each problem on its own line, as {@code policy validate} does. */
    static int report(PolicyException problems, PrintWriter err) {
        problems.problems().stream().map(PolicyProblem::toString).forEach(err::println);
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    private static String onlyModel(List<PolicyDocument> documents) throws BadInputException {
        Set<String> models = new TreeSet<>();
        documents.forEach(document -> models.add(document.policy().model()));
        models.remove(ModelPolicy.ANY);
        if (models.size() > 1) {
            throw new BadInputException("the --policy files hold policies of models " + String.join(", ", models)
                    + "; name the one to apply with --model");
        }
        return models.isEmpty() ? ModelPolicy.ANY : models.iterator().next();
    }
}
