package io.driftwatch.stats.quality;

import org.jspecify.annotations.Nullable;

/**
 * A model owner's two choices about a binary model's outcome, which no data can make for them: which class is the
 * positive one (the class of precision, recall, F1, specificity, average precision and the confusion matrix), and
 * what each cell of that matrix is worth (NannyML's business value). The stream takes them from the model's policy,
 * {@code check} from the same policy or its options; the stream reads each window's tally through {@link #summary}.
 * Immutable.
 *
 * @param positiveClass the positive class as a person types it ({@link ClassName#ofTyped}); null to imply it
 *                      ({@link ClassificationTally#binary})
 * @param businessValue what each cell of the confusion matrix is worth; null for no business value
 */
public record OutcomeChoices(@Nullable String positiveClass, @Nullable BusinessValueMatrix businessValue) {
    /** No choice made: the positive class implied, no business value. */
    public static final OutcomeChoices IMPLIED = new OutcomeChoices(null, null);

    /**
     * The tally's summary seen from the positive class ({@link QualityTally#summary(String)}), with
     * {@code business_value} ({@link BusinessValueMatrix#total}) among its metrics when a matrix is given and the
     * model is binary.
     */
    public QualitySummary summary(QualityTally tally) {
        QualitySummary summary = tally.summary(positiveClass);
        BinaryConfusion binary = summary.binary();
        if (businessValue == null || binary == null) {
            return summary;
        }
        return summary.withMetric(QualityMetric.BUSINESS_VALUE.metricName(), businessValue.total(binary));
    }
}
