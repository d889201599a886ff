package io.driftwatch.stats.quality;

import org.jspecify.annotations.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * A classifier's confusion matrix seen from one class, the positive one: what a binary model's precision, recall,
 * F1 and specificity are read from, and what NannyML's confusion-matrix metric and business value are computed on.
 * Exists beside the per-class figures because scikit-learn's binary metrics ({@code average='binary'}) and
 * NannyML's report one number for the positive class, not a row per class.
 *
 * <p>A figure whose denominator is zero (precision when nothing was predicted positive, recall when no positive
 * occurred, specificity when no negative occurred) is NaN: undefined, as NannyML reports it, rather than
 * scikit-learn's {@code zero_division} 0, so a window or chunk of one class never reads as a model that got
 * everything wrong (and never fires a rule). Where it is defined the value is scikit-learn's.
 *
 * @param negativeClass the other class; null when only the positive class was seen and its pair is not 0/1 or
 *                      true/false
 */
public record BinaryConfusion(String positiveClass, @Nullable String negativeClass, long truePositives,
                              long falsePositives, long falseNegatives, long trueNegatives) {
    public BinaryConfusion {
        requireNonNull(positiveClass, "positiveClass");
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
            throw new IllegalArgumentException("confusion counts must not be negative");
        }
    }

    public long total() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    /** tp / (tp + fp); NaN when nothing was predicted positive. */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** tp / (tp + fn); NaN when no positive occurred. */
    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** 2 tp / (2 tp + fp + fn); NaN when there was no positive, predicted or true. */
    public double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    /** tn / (tn + fp); NaN when no negative occurred. */
    public double specificity() {
        return ratio(trueNegatives, trueNegatives + falsePositives);
    }

    /**
     * A count's share of all pairs: NannyML's confusion matrix with {@code normalize_confusion_matrix='all'}
     * (its default reports the counts themselves). NaN for an empty matrix.
     */
    public double share(long count) {
        return ratio(count, total());
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : numerator / (double) denominator;
    }
}
