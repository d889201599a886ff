package io.driftwatch.cli.report;

import io.driftwatch.stats.compare.FindingText;
import io.driftwatch.stats.compare.TestVerdict;
import io.driftwatch.stats.compare.Verdict;
import io.driftwatch.stats.drift.ErrorBound;
import io.driftwatch.stats.drift.TestOutcome;

import java.util.Locale;

/**
 * One test's result as text, as the table and the HTML report both print it: the statistic with its sketch bound,
 * the p-value (an interval under a sketch), the method, the condition for drift and the verdict.
 */
record TestCells(String test, String statistic, String pValue, String method, String driftWhen, String verdict) {

    static TestCells of(TestVerdict verdict) {
        TestOutcome outcome = verdict.outcome();
        ErrorBound bound = outcome.bound();
        String statistic = number(outcome.statistic());
        if (bound != null) {
            statistic += " ± " + number(bound.statisticHalfWidth());
        }
        String pValue = outcome.pValue() == null ? "-" : number(outcome.pValue());
        if (bound != null && bound.pValueLow() != null && bound.pValueHigh() != null) {
            pValue = "[" + number(bound.pValueLow()) + ", " + number(bound.pValueHigh()) + "]";
        }
        String verdictText = verdict.verdict() == Verdict.DRIFT ? "DRIFT" : verdict.verdict().label().replace('_', ' ');
        return new TestCells(verdict.test(), statistic, pValue, outcome.method().label(),
                verdict.threshold().describe(FindingText::shortNumber), verdictText);
    }

    static String number(double value) {
        if (value == 0 || (Math.abs(value) >= 1e-3 && Math.abs(value) < 1e6)) {
            return String.format(Locale.ROOT, "%.4f", value);
        }
        return String.format(Locale.ROOT, "%.3e", value);
    }
}
