package io.driftwatch.policy;

import io.driftwatch.policy.layer.PolicyLayer;
import io.driftwatch.stats.calibration.CalibrationTargets;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.ComparisonSettings;
import io.driftwatch.stats.compare.InformingTests;
import io.driftwatch.stats.compare.SchemaFinding;
import io.driftwatch.stats.compare.TestCatalog;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.expect.ColumnExpectation;
import io.driftwatch.stats.profile.FeatureProfiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What a model version's {@link EffectivePolicy} asks of a comparison, in the engine's own terms: the one
 * conversion {@code check}, {@code baseline} and the streaming service call, so a policy file means the same in
 * batch as in the stream. The {@code prediction} section applies to the column {@value FeatureProfiles#PREDICTION};
 * a column's {@code type} is how its values are read and compared, and {@code expect.type} what they must be.
 * Where the policy is silent, the settings are the {@code base} given. Stateless.
 */
public final class PolicyComparison {
    private PolicyComparison() {
    }

    /**
     * The problems of policies that are valid alone but contradict each other once merged (a fleet range on a column
     * a model's policy expects categorical): each model's and version's effective policy of {@code set}, over no
     * defaults, converted as {@link #settings} converts it. One problem per contradiction, at the model's file.
     */
    public static List<PolicyProblem> contradictions(PolicySet set) {
        List<PolicyProblem> problems = new ArrayList<>();
        PolicyLayer none = PolicyLayer.builder("none").build();
        for (PolicyDocument document : set.documents()) {
            ModelPolicy policy = document.policy();
            List<Optional<String>> versions = policy.versions().isEmpty() ? List.of(Optional.empty())
                    : policy.versions().stream().map(Optional::of).toList();
            for (Optional<String> version : versions) {
                try {
                    settings(set.effective(policy.model(), version, none), ComparisonSettings.DEFAULT);
                } catch (IllegalArgumentException e) {
                    problems.add(new PolicyProblem(document.source(), 0, 0, "merged with the other policies given, model "
                            + policy.model() + version.map(v -> " version " + v).orElse("") + " cannot be applied: "
                            + e.getMessage()));
                }
            }
        }
        return problems;
    }

    /**
     * The settings of {@code base} with the policy's tests, fixed threshold levels, per-test options, dataset drift
     * share, informing tests and expectations. Calibrated thresholds are {@link #calibrationTargets}' to compute.
     */
    public static ComparisonSettings settings(EffectivePolicy policy, ComparisonSettings base) {
        Map<String, ColumnPolicy> columns = columns(policy.policy());
        Map<String, List<String>> testsByColumn = new LinkedHashMap<>();
        Map<String, Map<String, Double>> thresholdsByColumn = new LinkedHashMap<>();
        Map<String, Map<String, TestOptions>> optionsByColumn = new LinkedHashMap<>();
        policy.policy().features().tests().ifPresent(tests ->
                optionsByColumn.put(ComparisonSettings.EVERY_COLUMN, EffectivePolicy.options(tests)));
        columns.forEach((column, settings) -> settings.tests().ifPresent(tests -> {
            testsByColumn.put(column, List.copyOf(tests.keySet()));
            Map<String, Double> levels = EffectivePolicy.levels(tests);
            if (!levels.isEmpty()) {
                thresholdsByColumn.put(column, levels);
            }
            optionsByColumn.put(column, EffectivePolicy.options(tests));
        }));
        Map<String, Double> thresholdsByTest = policy.thresholdsByTest();
        return new ComparisonSettings(base.options(), policy.tests(), testsByColumn, thresholdsByTest,
                thresholdsByColumn, policy.datasetDriftShare(), base.missingRateJump(), base.minCurrentRecords(),
                base.chosenTests(), informingTests(policy.policy().features().inform(), base.informingTests()),
                Map.of(), optionsByColumn, Map.of()).withExpectations(expectations(columns));
    }

    /**
     * The tests the policy holds to calibrated thresholds, per column ({@value CalibrationTargets#EVERY_COLUMN} for
     * {@code features.tests}), each with the options it runs with.
     */
    public static CalibrationTargets calibrationTargets(EffectivePolicy policy) {
        Map<String, Map<String, TestOptions>> byColumn = new LinkedHashMap<>();
        policy.policy().features().tests().ifPresent(tests ->
                byColumn.put(CalibrationTargets.EVERY_COLUMN, calibrated(tests)));
        columns(policy.policy()).forEach((column, settings) ->
                settings.tests().ifPresent(tests -> byColumn.put(column, calibrated(tests))));
        return new CalibrationTargets(byColumn);
    }

    /** The columns whose {@code type} the policy declares: how they are read, as {@code --column-type} declares. */
    public static Map<String, ColumnType> declaredTypes(EffectivePolicy policy) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        columns(policy.policy()).forEach((column, settings) -> settings.type().ifPresent(type -> types.put(column, type)));
        return types;
    }

    /**
     * The informing tests {@code inform} names, each for the kinds of column it has a form for; {@code absent} when
     * the policy is silent, none for {@code []}.
     */
    static InformingTests informingTests(Optional<List<String>> inform, InformingTests absent) {
        return inform.map(tests -> new InformingTests(
                withForm(tests, test -> TestCatalog.numeric(test, TestOptions.DEFAULT).isPresent()),
                withForm(tests, test -> TestCatalog.categorical(test, TestOptions.DEFAULT).isPresent())))
                .orElse(absent);
    }

    private static List<String> withForm(List<String> tests, Predicate<String> hasForm) {
        return tests.stream().filter(test -> hasForm.test(TestCatalog.requireKnown(test))).toList();
    }

    /** The configured columns and the prediction, in the order written. */
    private static Map<String, ColumnPolicy> columns(ModelPolicy policy) {
        Map<String, ColumnPolicy> columns = new LinkedHashMap<>(policy.features().columns());
        policy.prediction().ifPresent(prediction -> columns.put(FeatureProfiles.PREDICTION, prediction));
        return columns;
    }

    private static List<ColumnExpectation> expectations(Map<String, ColumnPolicy> columns) {
        List<ColumnExpectation> expectations = new ArrayList<>();
        columns.forEach((column, settings) -> settings.expect().ifPresent(expect -> expectations.add(expectation(column, expect))));
        return expectations;
    }

    /** {@link Expectation} field by field; an unstated {@code unseen} is {@link ColumnExpectation#DEFAULT_UNSEEN}. */
    static ColumnExpectation expectation(String column, Expectation expect) {
        Set<String> values = expect.allowedValues().<Set<String>>map(TreeSet::new).orElse(null);
        return new ColumnExpectation(column, expect.type().orElse(null), expect.required().orElse(false),
                expect.min().isPresent() ? expect.min().getAsDouble() : null,
                expect.max().isPresent() ? expect.max().getAsDouble() : null, values,
                expect.unseen().map(PolicyComparison::unseen).orElse(ColumnExpectation.DEFAULT_UNSEEN),
                expect.maxMissing().isPresent() ? expect.maxMissing().getAsDouble() : null,
                expect.severity().map(PolicyComparison::severity).orElse(null));
    }

    private static io.driftwatch.stats.expect.UnseenValues unseen(UnseenValues unseen) {
        return switch (unseen) {
            case ERROR -> io.driftwatch.stats.expect.UnseenValues.ERROR;
            case WARNING -> io.driftwatch.stats.expect.UnseenValues.WARNING;
            case IGNORE -> io.driftwatch.stats.expect.UnseenValues.IGNORE;
        };
    }

    private static SchemaFinding.Severity severity(Severity severity) {
        return switch (severity) {
            case ERROR -> SchemaFinding.Severity.ERROR;
            case WARNING -> SchemaFinding.Severity.WARNING;
        };
    }

    private static Map<String, TestOptions> calibrated(Map<String, TestSpec> tests) {
        Map<String, TestOptions> options = new LinkedHashMap<>();
        tests.forEach((test, spec) -> spec.threshold().filter(ThresholdSpec.Calibrated.class::isInstance)
                .ifPresent(threshold -> options.put(test, spec.options())));
        return options;
    }
}
