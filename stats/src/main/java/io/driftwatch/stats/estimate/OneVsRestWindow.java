package io.driftwatch.stats.estimate;

import java.util.ArrayList;
import java.util.List;

/**
 * The mergeable state of one multiclass chunk or window for CBPE: the per-class expected confusion
 * ({@link ExpectedOneVsRest}) and, per class, the ranking of the class's normalised calibrated probabilities
 * ({@link ProbabilityRanking}) for macro ROC AUC. {@code check}'s chunks and the stream's windows both add their rows
 * here, so they estimate from the same state. Not thread-safe.
 */
public final class OneVsRestWindow {
    private ExpectedOneVsRest confusion;
    private final List<ProbabilityRanking> rankings;

    /** An empty window of {@code classCount} classes whose rankings collapse past {@code distinctMax} probabilities. */
    public OneVsRestWindow(int classCount, int distinctMax) {
        this.confusion = ExpectedOneVsRest.empty(classCount);
        this.rankings = new ArrayList<>(classCount);
        for (int c = 0; c < classCount; c++) {
            rankings.add(new ProbabilityRanking(distinctMax));
        }
    }

    /** A window read back from its parts. */
    public OneVsRestWindow(ExpectedOneVsRest confusion, List<ProbabilityRanking> rankings) {
        if (rankings.size() != confusion.perClass().size()) {
            throw new IllegalArgumentException(rankings.size() + " rankings for " + confusion.perClass().size()
                    + " classes");
        }
        this.confusion = confusion;
        this.rankings = new ArrayList<>(rankings);
    }

    /**
     * Adds a row by its calibrated, normalised probabilities ({@link OneVsRestCalibration#calibrate}) and its
     * predicted class index.
     */
    public void add(double[] calibrated, int predictedClass) {
        confusion = confusion.plus(calibrated, predictedClass);
        for (int c = 0; c < calibrated.length; c++) {
            rankings.get(c).add(calibrated[c]);
        }
    }

    /** Adds every row of {@code other}. */
    public void merge(OneVsRestWindow other) {
        confusion = confusion.merge(other.confusion);
        for (int c = 0; c < rankings.size(); c++) {
            rankings.get(c).merge(other.rankings.get(c));
        }
    }

    public ExpectedOneVsRest confusion() {
        return confusion;
    }

    /** The per-class rankings, in class order: the window's own, so a caller must not add to them. */
    public List<ProbabilityRanking> rankings() {
        return List.copyOf(rankings);
    }

    /** The rows added. */
    public long count() {
        return confusion.perClass().get(0).count();
    }
}
