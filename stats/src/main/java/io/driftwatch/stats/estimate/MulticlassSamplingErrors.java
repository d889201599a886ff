package io.driftwatch.stats.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * NannyML's sampling errors of the multiclass CBPE metrics ({@code sampling_error/multiclass_classification.py}),
 * from one-vs-rest components per class, each the class's {@link BinarySamplingErrors}. A macro metric's standard
 * error on n rows is √(Σ_c var_c / (n · share_c)) / k, with var_c the square of the class's binary component (for
 * F1 without the binary correcting factor: NannyML's multiclass code does not apply it); ROC AUC's is that times
 * NannyML's factor 1.2; accuracy's is the standard deviation of "row predicted correctly" over √n.
 */
public record MulticlassSamplingErrors(List<BinarySamplingErrors> perClass) {
    private static final double ROC_AUC_FACTOR = 1.2;

    public MulticlassSamplingErrors {
        perClass = List.copyOf(perClass);
    }

    /**
     * The components of a labelled reference.
     *
     * @param scores {@code scores[row][class]}, the raw scores
     * @throws EstimationRefusedException when a class has one-vs-rest too few rows or is the only class
     */
    public static MulticlassSamplingErrors fit(int[] labels, int[] predicted, double[][] scores, int classCount) {
        List<BinarySamplingErrors> perClass = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            boolean[] isClass = new boolean[labels.length];
            boolean[] predictedClass = new boolean[labels.length];
            double[] column = new double[labels.length];
            for (int row = 0; row < labels.length; row++) {
                isClass[row] = labels[row] == c;
                predictedClass[row] = predicted[row] == c;
                column[row] = scores[row][c];
            }
            try {
                perClass.add(BinarySamplingErrors.fit(isClass, predictedClass, column));
            } catch (EstimationRefusedException refused) {
                throw new EstimationRefusedException("class " + c + " one-vs-rest: " + refused.getMessage());
            }
        }
        return new MulticlassSamplingErrors(perClass);
    }

    /** Sampling error of estimated accuracy on {@code rows} rows. */
    public double accuracy(long rows) {
        long correct = perClass.stream().mapToLong(BinarySamplingErrors::truePositives).sum();
        long total = perClass.get(0).rows();
        return SamplingErrorComponent.ofIndicator(correct, total, total).standardError(rows);
    }

    /** Sampling error of estimated macro precision on {@code rows} rows. */
    public double macroPrecision(long rows) {
        return ofVariances(BinarySamplingErrors::precisionComponent, rows);
    }

    /** Sampling error of estimated macro recall on {@code rows} rows. */
    public double macroRecall(long rows) {
        return ofVariances(BinarySamplingErrors::recallComponent, rows);
    }

    /** Sampling error of estimated macro specificity on {@code rows} rows. */
    public double macroSpecificity(long rows) {
        return ofVariances(BinarySamplingErrors::specificityComponent, rows);
    }

    /** Sampling error of estimated macro F1 on {@code rows} rows. */
    public double macroF1(long rows) {
        return ofVariances(errors -> SamplingErrorComponent.ofIndicator(errors.truePositives(),
                errors.truePositives() + errors.falseNegatives() + errors.falsePositives(), errors.rows()), rows);
    }

    /** Sampling error of estimated macro ROC AUC on {@code rows} rows. */
    public double macroRocAuc(long rows) {
        return ofVariances(BinarySamplingErrors::rocAuc, rows) * ROC_AUC_FACTOR;
    }

    private double ofVariances(Function<BinarySamplingErrors, SamplingErrorComponent> component, long rows) {
        double sum = 0;
        for (BinarySamplingErrors errors : perClass) {
            SamplingErrorComponent c = component.apply(errors);
            sum += c.standardDeviation() * c.standardDeviation() / (rows * c.relevantShare());
        }
        return Math.sqrt(sum) / perClass.size();
    }
}
