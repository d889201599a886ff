package io.driftwatch.topology.drift;

import io.driftwatch.schemas.record.CategoryShare;
import io.driftwatch.schemas.record.FeatureSummary;
import io.driftwatch.schemas.record.QuantilePair;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoryFrequency;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import org.apache.datasketches.kll.KllDoublesSketch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The numbers a person reads in an alert about one drifted feature, taken from the two profiles that were
 * compared: means, a few quantiles and a histogram for numbers, the categories whose share moved most for
 * categories. Quantiles and histogram come from the profiles' KLL sketches, so once a window holds more
 * values than the exact-value cap they carry the sketch's rank error (0.5% at the default k): fine for a
 * person's eye, never used for a verdict. The alert email and the HTML report draw them. Stateless.
 */
public final class FeatureSummaries {
    static final double[] QUANTILE_RANKS = {0.05, 0.25, 0.5, 0.75, 0.95};
    static final int HISTOGRAM_BINS = 12;
    static final int TOP_CATEGORIES = 6;
    private static final double LOW_RANK = 0.01;
    private static final double HIGH_RANK = 0.99;

    private FeatureSummaries() {
    }

    /** The summary of one feature, or empty when one side is missing, empty, or of the other kind. */
    public static Optional<FeatureSummary> of(ColumnProfile reference, ColumnProfile current) {
        if (reference instanceof NumericProfile numericReference && current instanceof NumericProfile numericCurrent) {
            return numericReference.count() == 0 || numericCurrent.count() == 0 ? Optional.empty()
                    : Optional.of(numeric(numericReference, numericCurrent));
        }
        if (reference instanceof CategoricalProfile categoricalReference && current instanceof CategoricalProfile categoricalCurrent) {
            return categoricalReference.count() == 0 || categoricalCurrent.count() == 0 ? Optional.empty()
                    : Optional.of(categorical(categoricalReference, categoricalCurrent));
        }
        return Optional.empty();
    }

    private static FeatureSummary numeric(NumericProfile reference, NumericProfile current) {
        KllDoublesSketch referenceSketch = reference.sketch();
        KllDoublesSketch currentSketch = current.sketch();
        List<QuantilePair> quantiles = new ArrayList<>();
        for (double rank : QUANTILE_RANKS) {
            quantiles.add(new QuantilePair(rank, referenceSketch.getQuantile(rank), currentSketch.getQuantile(rank)));
        }
        List<Double> edges = edges(referenceSketch, currentSketch);
        return FeatureSummary.newBuilder().setReferenceCount(reference.count()).setCurrentCount(current.count())
                .setReferenceMean(reference.mean()).setCurrentMean(current.mean()).setQuantiles(quantiles)
                .setBinEdges(edges).setReferenceProportions(proportions(referenceSketch, edges))
                .setCurrentProportions(proportions(currentSketch, edges)).build();
    }

    // Equal-width bins over the central 98% of both distributions: a few outliers would otherwise squeeze
    // everything into one bar. The outer bins take the tails, so every proportion list sums to 1.
    private static List<Double> edges(KllDoublesSketch reference, KllDoublesSketch current) {
        double low = Math.min(reference.getQuantile(LOW_RANK), current.getQuantile(LOW_RANK));
        double high = Math.max(reference.getQuantile(HIGH_RANK), current.getQuantile(HIGH_RANK));
        if (!(high > low)) {
            low -= 0.5;
            high += 0.5;
        }
        List<Double> edges = new ArrayList<>();
        for (int i = 0; i <= HISTOGRAM_BINS; i++) {
            edges.add(i == HISTOGRAM_BINS ? high : low + (high - low) * i / HISTOGRAM_BINS);
        }
        return edges;
    }

    private static List<Double> proportions(KllDoublesSketch sketch, List<Double> edges) {
        double[] interior = new double[edges.size() - 2];
        for (int i = 0; i < interior.length; i++) {
            interior[i] = edges.get(i + 1);
        }
        double[] cumulative = sketch.getCDF(interior);
        List<Double> proportions = new ArrayList<>();
        double below = 0;
        for (double share : cumulative) {
            proportions.add(Math.max(0, share - below));
            below = share;
        }
        return proportions;
    }

    private static FeatureSummary categorical(CategoricalProfile reference, CategoricalProfile current) {
        Map<String, Double> referenceShares = shares(reference);
        Map<String, Double> currentShares = shares(current);
        TreeSet<String> categories = new TreeSet<>(referenceShares.keySet());
        categories.addAll(currentShares.keySet());
        List<CategoryShare> moved = categories.stream()
                .map(category -> new CategoryShare(category, referenceShares.getOrDefault(category, 0.0),
                        currentShares.getOrDefault(category, 0.0)))
                .sorted(Comparator.comparingDouble((CategoryShare share) ->
                        Math.abs(share.getCurrentShare() - share.getReferenceShare())).reversed())
                .limit(TOP_CATEGORIES).toList();
        return FeatureSummary.newBuilder().setReferenceCount(reference.count()).setCurrentCount(current.count())
                .setCategories(moved).build();
    }

    // Past the exact-category cap the counts are bounds; their midpoint is what a person should see.
    private static Map<String, Double> shares(CategoricalProfile profile) {
        Map<String, Double> shares = new HashMap<>();
        for (CategoryFrequency frequency : profile.frequencies()) {
            shares.put(frequency.category(), (frequency.lowerBound() + frequency.upperBound()) / 2.0 / profile.count());
        }
        return shares;
    }
}
