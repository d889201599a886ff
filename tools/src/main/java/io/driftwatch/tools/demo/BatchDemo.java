package io.driftwatch.tools.demo;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.cli.report.FileCheck;
import io.driftwatch.cli.report.TableReport;
import io.driftwatch.policy.EffectivePolicy;
import io.driftwatch.policy.PolicyComparison;
import io.driftwatch.policy.PolicyDocument;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.policy.PolicySet;
import io.driftwatch.policy.layer.PolicyLayer;
import io.driftwatch.stats.compare.ColumnReport;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DriftComparison;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.SchemaFinding;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code driftwatch demo --batch}: what {@code check --policy credit-policy.yaml} finds on the bundled sample (a credit
 * model's training inputs and one week of production inputs with three problems planted in them), through the same
 * code path as {@code check}, under the policy the streaming demo publishes for the credit model. Needs no broker, so it is also the quickest smoke test of a build.
 */
public final class BatchDemo {
    private static final String DRIFTED_COLUMN = "income";
    private static final String NEW_CATEGORY_COLUMN = "region";
    private static final String LOSSY_COLUMN = "employment_years";

    private BatchDemo() {
    }

    /**
     * @param keepDirectory where the sample files go (created if needed); null for a new temporary directory
     * @return 0 when every planted problem was found, 1 when one was missed
     */
    public static int run(PrintWriter out, @Nullable Path keepDirectory) throws BadInputException, IOException {
        Path directory = keepDirectory != null ? Files.createDirectories(keepDirectory) : Files.createTempDirectory("driftwatch-demo");
        Path reference = BundledData.copy(BundledData.REFERENCE, directory);
        Path current = BundledData.copy(BundledData.CURRENT, directory);
        Path policyFile = BundledData.copy(DemoPolicies.CREDIT_FILE, directory);
        out.println("driftwatch demo: a credit model's training inputs (1,000 rows) against one week of production");
        out.println("inputs (800 rows). Three problems were planted in the production data: income shifted up, a region");
        out.println("the model never saw appeared, and employment_years started arriving empty. They are judged under the");
        out.println("credit model's policy (" + policyFile.getFileName() + "), as the streaming demo judges its windows.");
        out.println();
        out.println("$ driftwatch check --reference " + reference + " --current " + current + " --policy " + policyFile);
        out.println();
        EffectivePolicy policy = creditPolicy(policyFile);
        FileCheck check = FileCheck.run(reference, current, PolicyComparison.declaredTypes(policy), policy.excludedColumns(),
                PolicyComparison.settings(policy, ComparisonSettings.DEFAULT), PolicyComparison.calibrationTargets(policy),
                DriftDefaults.MIN_CHECK_ROWS);
        DriftComparison report = check.report();
        out.print(TableReport.render(report, check.judgement(), reference.toString(), current.toString(), check.excludedColumns()));
        out.println();
        out.println("How to read it: the policy excludes application_id (an id, never a feature) and has income decided by");
        out.println("wasserstein; its expectation lets region take only north, south, east and west (unseen: error). Every");
        out.println("other column got the test Evidently would pick for its type and size (here ks for numbers,");
        out.println("chi_square or z_test for labels: the reference has at most 1,000 rows). A p-value test");
        out.println("flags drift when p is small; a distance test when the statistic is large. Schema findings are");
        out.println("problems of shape rather than distribution. The data set as a whole counts as drifted when half");
        out.println("its columns drift; one drifted column is still worth a look. Rows marked (informs) show KS and");
        out.println("PSI beside the test that decides, for comparison; they never change a verdict. Add --format json");
        out.println("for the machine-readable report, and run 'driftwatch check --list-tests' for every test and threshold.");
        Set<String> missed = missedProblems(report);
        out.println();
        out.println(missed.isEmpty() ? "All three planted problems were found."
                : "MISSED planted problem(s): " + String.join(", ", missed));
        if (keepDirectory == null) {
            out.println("(The sample files are in " + directory + "; pass --keep-files DIR to choose where.)");
        }
        out.flush();
        return missed.isEmpty() ? ExitCode.OK : ExitCode.FOUND;
    }

    /** The policy {@code check --policy FILE} applies to the credit model, from the bundled file; invalid means a broken jar. */
    private static EffectivePolicy creditPolicy(Path policyFile) {
        try {
            return PolicySet.of(List.of(PolicyDocument.read(policyFile))).effective(CreditTraffic.MODEL, Optional.empty(),
                    PolicyLayer.builder("defaults").build());
        } catch (PolicyException e) {
            throw new IllegalStateException("the jar's demo policy is invalid (" + e.problems() + "); rebuild it", e);
        }
    }

    private static Set<String> missedProblems(DriftComparison report) {
        Set<String> missed = new TreeSet<>();
        ColumnReport drifted = report.columns().get(DRIFTED_COLUMN);
        if (drifted == null || !drifted.driftDetected()) {
            missed.add("drift in " + DRIFTED_COLUMN);
        }
        Set<SchemaFinding.Kind> kinds = report.schemaFindings().stream()
                .filter(f -> f.column().equals(NEW_CATEGORY_COLUMN) || f.column().equals(LOSSY_COLUMN))
                .map(SchemaFinding::kind).collect(Collectors.toSet());
        if (!kinds.contains(SchemaFinding.Kind.UNSEEN_CATEGORY) || !kinds.contains(SchemaFinding.Kind.UNEXPECTED_VALUE)) {
            missed.add("new category in " + NEW_CATEGORY_COLUMN);
        }
        if (!kinds.contains(SchemaFinding.Kind.MISSING_RATE_JUMP)) {
            missed.add("missing values in " + LOSSY_COLUMN);
        }
        return missed;
    }
}
