package io.driftwatch.stats.quality;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each cell of a binary model's confusion matrix is worth, laid out as NannyML's
 * {@code business_value_matrix} is, {@code [[tn, fp], [fn, tp]]} (rows true class negative then positive, columns
 * predicted class likewise), so a team moving from NannyML passes the matrix it already has. Costs are negative
 * values. Immutable.
 */
public record BusinessValueMatrix(double trueNegativeValue, double falsePositiveValue, double falseNegativeValue,
                                  double truePositiveValue) {
    private static final String NUMBER = "\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*";
    private static final Pattern MATRIX = Pattern.compile("\\s*\\[\\s*\\[" + NUMBER + "," + NUMBER + "]\\s*,\\s*\\["
            + NUMBER + "," + NUMBER + "]\\s*]\\s*");

    public BusinessValueMatrix {
        if (!(Double.isFinite(trueNegativeValue) && Double.isFinite(falsePositiveValue)
                && Double.isFinite(falseNegativeValue) && Double.isFinite(truePositiveValue))) {
            throw new IllegalArgumentException("every value of a business value matrix must be a finite number");
        }
    }

    /**
     * @param text {@code [[tn, fp], [fn, tp]]}, four numbers
     * @throws IllegalArgumentException saying the form expected, when {@code text} is not four numbers in it
     */
    public static BusinessValueMatrix parse(String text) {
        Matcher matcher = MATRIX.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a 2x2 matrix of numbers; give"
                    + " '[[tn, fp], [fn, tp]]', the value of each cell, e.g. '[[0, -5], [-50, 100]]'");
        }
        return new BusinessValueMatrix(Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)),
                Double.parseDouble(matcher.group(3)), Double.parseDouble(matcher.group(4)));
    }

    /** NannyML's business value: the sum over the four cells of count times value. */
    public double total(BinaryConfusion confusion) {
        return total((double) confusion.truePositives(), (double) confusion.falsePositives(),
                (double) confusion.falseNegatives(), (double) confusion.trueNegatives());
    }

    /** The same of counts that may be expected ones (sums of probabilities), as performance estimation has them. */
    public double total(double truePositives, double falsePositives, double falseNegatives, double trueNegatives) {
        return trueNegativeValue * trueNegatives + falsePositiveValue * falsePositives
                + falseNegativeValue * falseNegatives + truePositiveValue * truePositives;
    }

    /**
     * NannyML's {@code normalize_business_value='per_prediction'} as its code computes it: each predicted-class
     * column of the matrix divided by its own count (an empty column counts 0), then summed with the values; that
     * is the mean value of a negative prediction plus the mean value of a positive one. NannyML's documentation
     * says "normalized by the number of predictions in the chunk", which its code does not do; this follows the
     * code, whose numbers NannyML reports.
     */
    public double perPrediction(BinaryConfusion confusion) {
        return perPrediction((double) confusion.truePositives(), (double) confusion.falsePositives(),
                (double) confusion.falseNegatives(), (double) confusion.trueNegatives());
    }

    /** The same of counts that may be expected ones. */
    public double perPrediction(double truePositives, double falsePositives, double falseNegatives, double trueNegatives) {
        double predictedNegative = trueNegatives + falseNegatives;
        double predictedPositive = truePositives + falsePositives;
        double negativeColumn = predictedNegative == 0 ? 0 : (trueNegativeValue * trueNegatives
                + falseNegativeValue * falseNegatives) / predictedNegative;
        double positiveColumn = predictedPositive == 0 ? 0 : (falsePositiveValue * falsePositives
                + truePositiveValue * truePositives) / predictedPositive;
        return negativeColumn + positiveColumn;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[[%s, %s], [%s, %s]]", trueNegativeValue, falsePositiveValue,
                falseNegativeValue, truePositiveValue);
    }
}
