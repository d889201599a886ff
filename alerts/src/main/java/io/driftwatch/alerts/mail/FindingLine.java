package io.driftwatch.alerts.mail;

import io.driftwatch.schemas.record.AlertFinding;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.Set;

/**
 * A drift finding's numbers set against its rule, so that nobody reads a statistic beside a p-value level.
 * A test whose rule is on the p-value (ks, chi_square, chi_square_contingency, z_test, cramer_von_mises,
 * mann_whitney, t_test_welch) leads with the p-value against its level and names its statistic beside it; a distance is
 * its statistic against its level. The rule comes from the finding's {@code condition}, or from its
 * {@code detail} for writers before schema 3, which carried it there and no p-value: such a line says the
 * p-value was not recorded. A finding with no readable rule keeps the plain "statistic (threshold)" form.
 */
final class FindingLine {
    private static final Set<String> OPERATORS = Set.of("<=", "<", ">=");
    private static final Map<String, String> STATISTIC_NAMES = Map.of("ks", "D", "chi_square", "χ²",
            "chi_square_contingency", "χ²", "z_test", "z", "cramer_von_mises", "T", "mann_whitney", "U", "t_test_welch", "t");

    private FindingLine() {
    }

    /** For the body, e.g. {@code ks: p = 1.2e-08 (drift when p <= 0.05), statistic D = 0.684}. */
    static String full(AlertFinding finding) {
        Rule rule = rule(finding);
        String test = finding.getTest();
        if (rule == null) {
            return test + ": " + Figures.of(finding.getStatistic()) + " (threshold " + Figures.of(finding.getThreshold()) + ")";
        }
        if (!rule.onPValue()) {
            return test + ": " + Figures.of(finding.getStatistic()) + " (drift when " + rule.describe(finding) + ")";
        }
        Double pValue = finding.getPValue();
        if (pValue == null) {
            return test + ": " + statistic(finding) + " (drift when " + rule.describe(finding) + "; the p-value was not recorded)";
        }
        return test + ": " + pValue(pValue) + " (drift when " + rule.describe(finding) + "), " + statistic(finding);
    }

    /** For the subject and the worst finding, e.g. {@code ks p = 1.2e-08, drift when p <= 0.05}. */
    static String brief(AlertFinding finding) {
        Rule rule = rule(finding);
        String test = finding.getTest();
        if (rule == null) {
            return test + " " + Figures.of(finding.getStatistic()) + ", threshold " + Figures.of(finding.getThreshold());
        }
        if (!rule.onPValue()) {
            return test + " " + Figures.of(finding.getStatistic()) + ", drift when " + rule.describe(finding);
        }
        Double pValue = finding.getPValue();
        return pValue == null ? test + " " + statistic(finding) + ", p-value not recorded"
                : test + " " + pValue(pValue) + ", drift when " + rule.describe(finding);
    }

    private static String pValue(double pValue) {
        return pValue == 0 ? "p ≈ 0" : "p = " + Figures.pValue(pValue);
    }

    private static String statistic(AlertFinding finding) {
        String name = STATISTIC_NAMES.get(finding.getTest());
        return "statistic " + (name == null ? "" : name + " ") + "= " + Figures.of(finding.getStatistic());
    }

    /** The rule as the drift report states it ("p <= 0.05", "statistic >= 0.1"); null when there is none to read. */
    private static @Nullable Rule rule(AlertFinding finding) {
        String condition = finding.getCondition() != null ? finding.getCondition() : finding.getDetail();
        String[] parts = condition.split(" ", -1);
        if (parts.length != 3 || !OPERATORS.contains(parts[1])) {
            return null;
        }
        return switch (parts[0]) {
            case "p" -> new Rule(true, parts[1]);
            case "statistic" -> new Rule(false, parts[1]);
            default -> null;
        };
    }

    /** @param operator how the p-value or statistic is compared with the finding's threshold */
    private record Rule(boolean onPValue, String operator) {
        String describe(AlertFinding finding) {
            return (onPValue ? "p " : "") + operator + " " + Figures.of(finding.getThreshold());
        }
    }
}
