package io.driftwatch.stats.estimate;

import io.driftwatch.stats.quality.BusinessValueMatrix;

/**
 * NannyML's sampling errors of the binary CBPE metrics ({@code sampling_error/binary_classification.py}), fitted on
 * the labelled reference. Every component but ROC AUC's is a function of the reference's confusion counts (the
 * standard deviation of a 0/1 vector with k ones in m is √(q(1 − q)) for q = k/m), so the fitted state is those four
 * counts and the ROC AUC component: plain numbers a baseline stores.
 *
 * <p>Per metric, with n the chunk's rows and N the reference's: accuracy, std of "correct" over all rows,
 * SE = std/√n; precision, std of TP-vs-FP over the predicted positives, share = predicted positives / N;
 * recall, TP-vs-FN over the actual positives; specificity, TN-vs-FP over the actual negatives; F1, the TP-vs-(FN,FP)
 * vector scaled by NannyML's correcting factor (TP + FN + FP) / (TP + (FN + FP)/2), share (TP + FN + FP)/N;
 * ROC AUC, {@link RocAucSamplingError}; business value, std of each row's value, SE = std·√n for the total and
 * std/√n per prediction; a confusion cell, std of the cell's indicator over all rows (count: SE = std·√n, share of
 * all: std/√n) or over the cell's true or predicted class (share of the class: std/√(n · class share)).
 *
 * <p>Average precision's sampling error is a bootstrap, not a function of counts: {@link
 * AveragePrecisionSamplingError}.
 */
public record BinarySamplingErrors(
        long truePositives, long falsePositives, long falseNegatives, long trueNegatives,
        SamplingErrorComponent rocAuc) {

    /**
     * The components of a labelled reference.
     *
     * @throws EstimationRefusedException on scores outside [0, 1] or a reference with one class or too few rows
     */
    public static BinarySamplingErrors fit(boolean[] labels, boolean[] predictedPositive, double[] scores) {
        if (labels.length != predictedPositive.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + predictedPositive.length
                    + " predictions");
        }
        CalibrationRule.requireUsableReference(scores, labels);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predictedPositive[i]) {
                tp += labels[i] ? 1 : 0;
                fp += labels[i] ? 0 : 1;
            } else {
                fn += labels[i] ? 1 : 0;
                tn += labels[i] ? 0 : 1;
            }
        }
        return new BinarySamplingErrors(tp, fp, fn, tn, RocAucSamplingError.fit(scores, labels));
    }

    /** The reference's rows. */
    public long rows() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    public SamplingErrorComponent accuracyComponent() {
        return SamplingErrorComponent.ofIndicator(truePositives + trueNegatives, rows(), rows());
    }

    public SamplingErrorComponent precisionComponent() {
        return SamplingErrorComponent.ofIndicator(truePositives, truePositives + falsePositives, rows());
    }

    public SamplingErrorComponent recallComponent() {
        return SamplingErrorComponent.ofIndicator(truePositives, truePositives + falseNegatives, rows());
    }

    public SamplingErrorComponent specificityComponent() {
        return SamplingErrorComponent.ofIndicator(trueNegatives, trueNegatives + falsePositives, rows());
    }

    public SamplingErrorComponent f1Component() {
        long relevant = truePositives + falseNegatives + falsePositives;
        double correcting = relevant / ((falseNegatives + falsePositives) * 0.5 + truePositives);
        SamplingErrorComponent indicator = SamplingErrorComponent.ofIndicator(truePositives, relevant, rows());
        return new SamplingErrorComponent(indicator.standardDeviation() * correcting, indicator.relevantShare());
    }

    /** Sampling error of estimated accuracy on {@code rows} rows. */
    public double accuracy(long rows) {
        return accuracyComponent().standardError(rows);
    }

    /** Sampling error of estimated precision on {@code rows} rows. */
    public double precision(long rows) {
        return precisionComponent().standardError(rows);
    }

    /** Sampling error of estimated recall on {@code rows} rows. */
    public double recall(long rows) {
        return recallComponent().standardError(rows);
    }

    /** Sampling error of estimated specificity on {@code rows} rows. */
    public double specificity(long rows) {
        return specificityComponent().standardError(rows);
    }

    /** Sampling error of estimated F1 on {@code rows} rows. */
    public double f1(long rows) {
        return f1Component().standardError(rows);
    }

    /** Sampling error of estimated ROC AUC on {@code rows} rows. */
    public double rocAuc(long rows) {
        return rocAuc.standardError(rows);
    }

    /** Sampling error of estimated business value on {@code rows} rows. */
    public double businessValue(BusinessValue value, long rows) {
        long total = rows();
        BusinessValueMatrix cells = value.matrix();
        double mean = cells.total((double) truePositives, (double) falsePositives, (double) falseNegatives,
                (double) trueNegatives) / total;
        double squares = truePositives * square(cells.truePositiveValue() - mean)
                + falsePositives * square(cells.falsePositiveValue() - mean)
                + falseNegatives * square(cells.falseNegativeValue() - mean)
                + trueNegatives * square(cells.trueNegativeValue() - mean);
        double deviation = Math.sqrt(squares / total);
        return value.perPrediction() ? deviation / Math.sqrt((double) rows) : deviation * rows / Math.sqrt((double) rows);
    }

    /** Sampling error of an estimated confusion cell, in the normalisation it is reported in, on {@code rows} rows. */
    public double cell(ConfusionCell cell, ConfusionNormalization normalization, long rows) {
        long ones = count(cell);
        return switch (normalization) {
            case NONE -> SamplingErrorComponent.ofIndicator(ones, rows(), rows()).standardDeviation()
                    / Math.sqrt((double) rows) * rows;
            case ALL -> SamplingErrorComponent.ofIndicator(ones, rows(), rows()).standardError(rows);
            case TRUE -> SamplingErrorComponent.ofIndicator(ones, cell.actuallyPositive()
                    ? truePositives + falseNegatives : trueNegatives + falsePositives, rows()).standardError(rows);
            case PREDICTED -> SamplingErrorComponent.ofIndicator(ones, cell.predictedPositive()
                    ? truePositives + falsePositives : trueNegatives + falseNegatives, rows()).standardError(rows);
        };
    }

    private long count(ConfusionCell cell) {
        return switch (cell) {
            case TRUE_POSITIVE -> truePositives;
            case FALSE_POSITIVE -> falsePositives;
            case FALSE_NEGATIVE -> falseNegatives;
            case TRUE_NEGATIVE -> trueNegatives;
        };
    }

    private static double square(double value) {
        return value * value;
    }
}
