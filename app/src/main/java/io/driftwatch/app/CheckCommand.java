package io.driftwatch.app;

import io.driftwatch.app.report.JsonReport;
import io.driftwatch.app.report.TableReport;
import io.driftwatch.app.tabular.BadInputException;
import io.driftwatch.app.tabular.TablePair;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DatasetComparator;
import io.driftwatch.stats.compare.DriftReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import static picocli.CommandLine.Model.CommandSpec;

/**
 * {@code driftwatch check}: compares a current data file with a reference file, column by column, with
 * exact statistics, and exits 1 when the data set drifted so a CI step or a cron job can act on it.
 */
@Command(mixinStandardHelpOptions = true, name = "check",
        description = {"Compare a current data file with a reference file: drift tests per column, schema findings, dataset drift.",
                "Files are CSV with a header line, or JSON Lines (.jsonl/.ndjson/.json). Every test uses all values (exact).", ""},
        sortOptions = false,
        footer = {"", "Examples:",
                "  driftwatch check --reference train.csv --current today.csv",
                "  driftwatch check --reference train.csv --current today.csv --format json > report.json",
                "  driftwatch check --reference ref.csv --current cur.csv --tests ks,psi,wasserstein --binning sturges",
                "  driftwatch check --reference ref.csv --current cur.csv --column-type zip=categorical --threshold psi=0.2",
                "  driftwatch check --list-tests",
                "", "Exit codes: 0 no dataset drift, 1 dataset drift, 2 bad input (the message names file, line and column)."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--reference", paramLabel = "FILE", description = "Reference data, e.g. the training set.")
    private Path reference;

    @Option(names = "--current", paramLabel = "FILE", description = "Current data, e.g. last day's inputs.")
    private Path current;

    @Option(names = "--format", paramLabel = "json|table", description = "Output format (default: ${DEFAULT-VALUE}).")
    private OutputFormat format = OutputFormat.TABLE;

    @Mixin
    private TestSelectionOptions selection = new TestSelectionOptions();

    @Option(names = "--list-tests", description = "List the tests, their default thresholds and the default selection, then exit.")
    private boolean listTests;

    /** The two report renderings. */
    enum OutputFormat { JSON, TABLE }

    @Override
    public Integer call() throws BadInputException {
        if (listTests) {
            spec.commandLine().getOut().print(TestListing.render());
            return 0;
        }
        if (reference == null || current == null) {
            throw new BadInputException("check needs both --reference FILE and --current FILE; see 'driftwatch check --help'");
        }
        ComparisonSettings settings = selection.settings();
        TablePair tables = TablePair.read(reference, current, selection.columnTypes());
        DriftReport report = new DatasetComparator(settings).compare(tables.reference().columns(), tables.current().columns());
        spec.commandLine().getOut().print(format == OutputFormat.JSON
                ? JsonReport.render(report, settings.options()) + System.lineSeparator()
                : TableReport.render(report, reference.toString(), current.toString()));
        spec.commandLine().getOut().flush();
        return report.dataset().driftDetected() ? 1 : 0;
    }
}
