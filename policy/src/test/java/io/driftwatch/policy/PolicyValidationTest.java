package io.driftwatch.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyValidationTest {
    @Test
    void anUnknownKeyIsNamedAtItsLineAndColumnWithTheKnownKeys() {
        assertThat(PolicyFiles.problems("""
                model: credit
                window:
                  sise: 1d
                """)).containsExactly("credit.yaml:3:3: window.sise: unknown key 'sise'; known keys here: size, grace, offset");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedAtTheValue() {
        assertThat(PolicyFiles.problems("""
                model: credit
                alerts: {rate_per_hour: many}
                """)).containsExactly("credit.yaml:2:25: alerts.rate_per_hour: expected a whole number, got 'many'");
    }

    @Test
    void anUnknownTestIsAnUnknownKeyListingTheTests() {
        assertThat(PolicyFiles.problems("""
                model: credit
                features:
                  tests: {kss: {}}
                """)).singleElement().asString()
                .startsWith("credit.yaml:3:11: features.tests.kss: unknown key 'kss'; known keys here: ks, psi, wasserstein");
    }

    @Test
    void everyStructuralProblemOfAFileIsReportedAtOnce() {
        assertThat(PolicyFiles.problems("""
                model: credit
                window: {size: 1 day}
                triggers:
                  schema: {min_severity: fatal}
                  quality: {metric: f2}
                """)).containsExactly(
                "credit.yaml:2:16: window.size: '1 day' is not a duration; write a whole number with a unit (500ms, 30s,"
                        + " 15m, 6h, 1d) or ISO-8601 such as PT6H",
                "credit.yaml:4:26: triggers.schema.min_severity: 'fatal' is not one of: error, warning",
                "credit.yaml:5:21: triggers.quality.metric: 'f2' is not one of: accuracy, balanced_accuracy, precision,"
                        + " recall, f1, specificity, average_precision, macro_precision, macro_recall, macro_f1, roc_auc,"
                        + " log_loss, mae, rmse, mape, mean_error, business_value");
    }

    @Test
    void aBusinessValueMatrixThatIsNotTwoByTwoNumbersIsRefusedOnceAtTheMatrix() {
        String expected = "expected a 2x2 matrix of numbers, [[tn, fp], [fn, tp]] as NannyML's business_value_matrix"
                + " (e.g. [[0, -5], [-50, 100]]), got ";
        assertThat(PolicyFiles.problems("""
                model: fraud
                outcome:
                  positive_class: fraud
                  business_value: [[0, -5, 1], [-50]]
                """)).containsExactly("credit.yaml:4:19: outcome.business_value: " + expected + "[[0,-5,1],[-50]]");
        assertThat(PolicyFiles.problems("""
                model: fraud
                outcome: {business_value: [[0, cheap], [-50, 100]]}
                """)).containsExactly("credit.yaml:2:27: outcome.business_value: " + expected + "[[0,\"cheap\"],[-50,100]]");
        assertThat(PolicyFiles.problems("""
                model: fraud
                outcome: {business_value: 100}
                """)).containsExactly("credit.yaml:2:27: outcome.business_value: " + expected + "100");
    }

    @Test
    void aPositiveClassThatIsNotOneClassIsRefused() {
        assertThat(PolicyFiles.problems("""
                model: fraud
                outcome: {positive_class: [fraud, legit]}
                """)).containsExactly("credit.yaml:2:27: outcome.positive_class: expected a string or a whole number or"
                + " true or false, got a list");
    }

    @Test
    void aMissingModelIsReported() {
        assertThat(PolicyFiles.problems("""
                versions: "*"
                """)).containsExactly("credit.yaml:1:1: (file): the key 'model' is missing; add it");
    }

    @Test
    void aTestWithNoFormForTheDeclaredTypeIsRefusedWithTheTestsThatFit() {
        assertThat(PolicyFiles.problems("""
                model: credit
                features:
                  columns:
                    region:
                      type: categorical
                      tests:
                        ks: {threshold: 0.01}
                """)).containsExactly("credit.yaml:7:9: features.columns.region.tests.ks: ks compares numbers; region is"
                + " declared categorical. Use psi, jensen_shannon, hellinger, kl_divergence, l_infinity, chi_square, chi_square_contingency, z_test.");
    }

    @Test
    void aThresholdOutOfItsTestsRangeIsRefused() {
        assertThat(PolicyFiles.problems("""
                model: credit
                features:
                  tests: {ks: {threshold: 5}, psi: {threshold: -0.1}}
                """)).containsExactly(
                "credit.yaml:3:27: features.tests.ks.threshold: ks compares a p-value, so its threshold lies strictly"
                        + " between 0 and 1 (default 0.05); got 5.0",
                "credit.yaml:3:48: features.tests.psi.threshold: psi compares a distance, so its threshold is above 0"
                        + " (default 0.1); got -0.1");
    }

    @Test
    void anOptionTheTestDoesNotTakeIsRefused() {
        assertThat(PolicyFiles.problems("""
                model: credit
                features:
                  tests: {psi: {log_base: 2}, ks: {binning: doane}}
                """)).containsExactly(
                "credit.yaml:3:17: features.tests.psi.log_base: log_base does not apply to psi; it changes only"
                        + " jensen_shannon, kl_divergence: remove it",
                "credit.yaml:3:36: features.tests.ks.binning: binning does not apply to ks; it changes only hellinger,"
                        + " jensen_shannon, kl_divergence, psi: remove it");
    }

    @Test
    void aColumnBothExcludedAndConfiguredIsRefused() {
        assertThat(PolicyFiles.problems("""
                model: credit
                features:
                  exclude: [request_id]
                  columns:
                    request_id: {type: categorical}
                """)).containsExactly("credit.yaml:5:5: features.columns.request_id: request_id is listed under"
                + " features.exclude and configured here; an excluded column is never tested or expected: remove one of the two");
    }

    @Test
    void anOffsetNotSmallerThanTheSizeIsRefused() {
        assertThat(PolicyFiles.problems("""
                model: credit
                window: {size: 6h, offset: PT6H}
                """)).containsExactly("credit.yaml:2:28: window.offset: the offset (6h) must be smaller than the window size"
                + " (6h); an offset of a whole size starts windows at the same times as none");
    }

    @Test
    void aMinimumAboveTheMaximumIsRefused() {
        assertThat(PolicyFiles.problems("""
                model: credit
                features:
                  columns:
                    income: {expect: {min: 10, max: 1}}
                """)).containsExactly("credit.yaml:4:28: features.columns.income.expect.min: min (10) is above max (1); no"
                + " value could pass: swap them or fix one");
    }

    @Test
    void theFleetPolicyCannotListVersions() {
        assertThat(PolicyFiles.problems("""
                model: "*"
                versions: [v1]
                """)).containsExactly("credit.yaml:2:1: versions: the * policy holds the defaults of every model and version;"
                + " write versions: \"*\" or leave it out, and put version lists in a model's own policy");
    }

    @Test
    void aFileOfSeveralDocumentsIsRefusedWhereTheSecondBegins() {
        assertThat(PolicyFiles.problems("""
                model: credit
                ---
                model: fraud
                """)).containsExactly("credit.yaml:3:1: the file holds more than one YAML document (a '---' separator);"
                + " put one policy per file");
    }

    @Test
    void aRepeatedKeyIsRefusedAtItsSecondOccurrence() {
        assertThat(PolicyFiles.problems("""
                model: credit
                window: {size: 1d}
                model: fraud
                """)).containsExactly("credit.yaml:3:1: model: the key appears twice (first at line 1); keep one");
    }

    @Test
    void aYamlSyntaxErrorIsReportedWithItsPosition() {
        assertThat(PolicyFiles.problems("""
                model: credit
                window: {size: 1d
                """)).singleElement().asString().startsWith("credit.yaml:2:18: not valid YAML");
    }
}
