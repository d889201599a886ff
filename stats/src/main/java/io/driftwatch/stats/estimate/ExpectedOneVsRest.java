package io.driftwatch.stats.estimate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The mergeable state of CBPE's multiclass metrics: one {@link ExpectedConfusion} per class, each the class against
 * the rest, with the class's calibrated probability as p and "predicted this class" as the positive prediction.
 * NannyML's macro precision, recall, F1 and specificity are the unweighted means of the per-class estimates (NaN
 * when any class's is, as {@code np.mean} gives); its accuracy is the mean over rows of the calibrated probability of
 * the predicted class, which is Σ over classes of the expected true positives divided by n.
 */
public record ExpectedOneVsRest(List<ExpectedConfusion> perClass) {

    public ExpectedOneVsRest {
        perClass = List.copyOf(perClass);
        if (perClass.size() < 2) {
            throw new IllegalArgumentException("one-vs-rest needs at least two classes");
        }
    }

    /** The state of a window with no row yet. */
    public static ExpectedOneVsRest empty(int classCount) {
        return new ExpectedOneVsRest(Collections.nCopies(classCount, ExpectedConfusion.EMPTY));
    }

    /** This state with one more row: its calibrated probabilities (one per class) and its predicted class. */
    public ExpectedOneVsRest plus(double[] calibrated, int predictedClass) {
        if (calibrated.length != perClass.size()) {
            throw new IllegalArgumentException(calibrated.length + " probabilities for " + perClass.size() + " classes");
        }
        List<ExpectedConfusion> next = new ArrayList<>(perClass.size());
        for (int c = 0; c < calibrated.length; c++) {
            next.add(perClass.get(c).plus(calibrated[c], c == predictedClass));
        }
        return new ExpectedOneVsRest(next);
    }

    /** The state of the union of the two windows' rows. */
    public ExpectedOneVsRest merge(ExpectedOneVsRest other) {
        if (other.perClass.size() != perClass.size()) {
            throw new IllegalArgumentException("cannot merge states of " + perClass.size() + " and "
                    + other.perClass.size() + " classes");
        }
        List<ExpectedConfusion> merged = new ArrayList<>(perClass.size());
        for (int c = 0; c < perClass.size(); c++) {
            merged.add(perClass.get(c).merge(other.perClass.get(c)));
        }
        return new ExpectedOneVsRest(merged);
    }

    /** Estimated accuracy: Σ expected true positives / n. */
    public double accuracy() {
        return perClass.stream().mapToDouble(ExpectedConfusion::truePositive).sum() / perClass.get(0).count();
    }

    /** Estimated macro precision. */
    public double macroPrecision() {
        return macro(ExpectedConfusion::precision);
    }

    /** Estimated macro recall. */
    public double macroRecall() {
        return macro(ExpectedConfusion::recall);
    }

    /** Estimated macro F1 (the mean of the per-class F1, as NannyML). */
    public double macroF1() {
        return macro(ExpectedConfusion::f1);
    }

    /** Estimated macro specificity. */
    public double macroSpecificity() {
        return macro(ExpectedConfusion::specificity);
    }

    private double macro(ToDoubleFunction<ExpectedConfusion> metric) {
        return perClass.stream().mapToDouble(metric).sum() / perClass.size();
    }
}
