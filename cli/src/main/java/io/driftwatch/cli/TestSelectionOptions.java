package io.driftwatch.cli;

import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.TestCatalog;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.LogBase;
import io.driftwatch.stats.drift.numeric.KsMethod;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNullElse;

/**
 * The options that choose tests, thresholds and column types, shared by every command that compares
 * data. Defaults come from {@link TestOptions#DEFAULT} and {@link DriftDefaults}, never from a literal here.
 */
final class TestSelectionOptions {
    /** The options a policy decides instead. */
    private static final List<String> POLICY_CHOICES = List.of("--tests", "--column-tests", "--binning", "--log-base",
            "--ks-method", "--binned-estimates", "--threshold", "--dataset-drift-share");

    @Option(names = "--tests", paramLabel = "LIST", split = ",",
            description = "Tests to run on every column (default: the per-column default selection; see --list-tests).")
    private List<String> tests = new ArrayList<>();

    @Option(names = "--column-tests", paramLabel = "COLUMN=LIST",
            description = "Tests for one column, e.g. income=ks,psi. Repeatable; overrides --tests for that column.")
    private Map<String, String> columnTests = new LinkedHashMap<>();

    @Option(names = "--binning", paramLabel = "quantile|sturges|doane",
            description = "Bins of psi, jensen_shannon, hellinger, kl_divergence on numbers (default: ${DEFAULT-VALUE}).")
    private Binning binning = TestOptions.DEFAULT.binning();

    @Option(names = "--log-base", paramLabel = "e|2", converter = LogBaseConverter.class,
            description = "Logarithm of jensen_shannon and kl_divergence; 2 gives NannyML's and TFDV's scale (default: e).")
    private LogBase logBase = TestOptions.DEFAULT.logBase();

    @Option(names = "--ks-method", paramLabel = "auto|exact|asymptotic",
            description = "KS p-value: auto is exact when both sizes are at most 10,000, as SciPy (default: ${DEFAULT-VALUE}).")
    private KsMethod ksMethod = TestOptions.DEFAULT.ksMethod();

    @Option(names = "--binned-estimates",
            description = "ks's D and wasserstein as NannyML estimates them from 10,000 bins when the reference has"
                    + " 10,000 values or more; the KS p-value method is unchanged (default: exact statistics).")
    private boolean binnedEstimates = TestOptions.DEFAULT.binnedEstimates();

    @Mixin
    private ColumnTypeOptions columnTypes = new ColumnTypeOptions();

    @Option(names = "--threshold", paramLabel = "[COLUMN:]TEST=VALUE",
            description = "Override a test's threshold, for every column or for one, e.g. psi=0.2 or income:ks=0.01. Repeatable.")
    private Map<String, String> thresholds = new LinkedHashMap<>();

    @Option(names = "--dataset-drift-share", paramLabel = "SHARE",
            description = "Share of drifted columns at which the data set drifted (default: ${DEFAULT-VALUE}).")
    private double datasetDriftShare = DriftDefaults.DATASET_DRIFT_SHARE;

    /**
     * @throws BadInputException naming the option and the accepted values when one is wrong
     */
    ComparisonSettings settings() throws BadInputException {
        try {
            Map<String, List<String>> testsByColumn = new HashMap<>();
            columnTests.forEach((column, list) -> testsByColumn.put(column, names(list)));
            Map<String, Double> byTest = new HashMap<>();
            Map<String, Map<String, Double>> byColumn = new HashMap<>();
            for (Map.Entry<String, String> entry : thresholds.entrySet()) {
                String key = entry.getKey();
                double level = parseLevel(key, entry.getValue());
                int colon = key.lastIndexOf(':');
                if (colon < 0) {
                    byTest.put(TestCatalog.requireKnown(key), level);
                } else {
                    byColumn.computeIfAbsent(key.substring(0, colon), c -> new HashMap<>())
                            .put(TestCatalog.requireKnown(key.substring(colon + 1)), level);
                }
            }
            return new ComparisonSettings(new TestOptions(binning, logBase, ksMethod, binnedEstimates), names(String.join(",", tests)),
                    testsByColumn, byTest, byColumn, datasetDriftShare, DriftDefaults.MISSING_RATE_JUMP);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()), e);
        }
    }

    /**
     * Refuses this class's test options beside {@code --policy}: the policy chooses tests, thresholds and options, and
     * a run mixing the two would judge by neither the policy nor the options alone. {@code --column-type} stays
     * allowed and wins over the policy's column {@code type}.
     *
     * @throws BadInputException naming the option given beside {@code --policy}
     */
    void refuseWithPolicy(ParseResult parsed) throws BadInputException {
        for (String option : POLICY_CHOICES) {
            if (parsed.hasMatchedOption(option)) {
                throw new BadInputException(option + " and --policy both choose tests: choose one (drop " + option
                        + ", or write it in the policy file)");
            }
        }
    }

    /**
     * @throws BadInputException when a type is neither numeric nor categorical
     */
    Map<String, ColumnType> columnTypes() throws BadInputException {
        return columnTypes.columnTypes();
    }

    private static List<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(TestCatalog::requireKnown).toList();
    }

    private static double parseLevel(String key, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--threshold " + key + "=" + text + ": '" + text + "' is not a number", e);
        }
    }

    /** Accepts {@code e} or {@code 2}. */
    static final class LogBaseConverter implements ITypeConverter<LogBase> {
        @Override
        public LogBase convert(String value) {
            return switch (value.strip()) {
                case "e", "E", "ln" -> LogBase.E;
                case "2", "two" -> LogBase.TWO;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "log base must be 'e' or '2', got '" + value + "'");
            };
        }
    }
}
