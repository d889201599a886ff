package io.driftwatch.stats.compare;

import java.util.List;

/**
 * One column as both sides hold it, whatever the form: raw values ({@link ExactColumnPair}: a file, or a
 * window held exactly) or mergeable profiles ({@link SketchColumnPair}). {@link ColumnComparator} chooses
 * the tests and applies the thresholds the same way for every form; the pair only runs a test and finds
 * the schema differences, each form in its own way. Implementations are immutable.
 */
sealed interface ColumnPair permits ExactColumnPair, SketchColumnPair {

    ColumnType referenceType();

    ColumnType currentType();

    /** Number of valid reference values. */
    long referenceCount();

    /** Number of valid current values. */
    long currentCount();

    long referenceMissing();

    long currentMissing();

    /**
     * Number of distinct valid values of both sides together, exact or estimated as the form allows; may
     * stop counting once above {@link DriftDefaults#CATEGORY_LIKE_DISTINCT_MAX}, the largest cut it decides.
     */
    int distinctValues();

    /** Whether a numeric column's values can be compared as labels, which needs their exact counts. */
    boolean canCompareNumbersAsCategories();

    /**
     * Runs {@code test}, on labels when {@code asCategories}; a test that cannot run comes back as
     * {@link TestAttempt.NotRun} with the reason, never as an exception.
     */
    TestAttempt attempt(String test, boolean asCategories, TestOptions options);

    /** The categories the current side holds and the reference certainly never saw, sorted. */
    List<String> unseenCategories();

    /** The schema findings of a pair of the same type, {@code unseen} being what the report lists. */
    List<SchemaFinding> findings(String column, SchemaChecks checks, List<String> unseen);
}
