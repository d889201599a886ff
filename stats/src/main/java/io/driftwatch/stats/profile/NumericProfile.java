package io.driftwatch.stats.profile;

import io.driftwatch.stats.sample.SortedSample;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Everything the drift tests need from one numeric column, in a form that merges: counts of valid and
 * missing values, exact min/max/mean/variance, a KLL quantile sketch, and the raw values while there are
 * at most {@link NumericProfileConfig#exactValueCap()} of them.
 *
 * <p>Merge guarantee: {@code a.merge(b)} gives the profile of the concatenated data bit for bit for
 * count, the missing counts, min, max, mean and variance, in any merge order, because the moments are
 * exact sums (see {@link ExactMoments} for the range where that holds); the raw values are kept when the
 * merged count is within the cap. The sketch is a KLL sketch, whose compaction is randomized: a merged
 * sketch is not the same bytes as the sketch of the concatenation, but it carries the same rank error
 * ({@link #normalizedRankError()}).
 *
 * <p>Missing values: {@link #updateNull()}, {@link #updateWrongType()}, and NaN or infinite numbers
 * (counted as {@link #nonFiniteCount()}) never reach the moments, the sketch or the values.
 *
 * <p>Mutable and not thread-safe, like the sketches it holds: one owner (a processor, a batch job) updates
 * it; {@link ProfileCodec} turns it into bytes.
 */
public final class NumericProfile implements ColumnProfile {
    private final NumericProfileConfig config;
    private long count;
    private long nullCount;
    private long nonFiniteCount;
    private long wrongTypeCount;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private final ExactMoments moments;
    private final KllDoublesSketch sketch;
    /**
     * Values not yet in the sketch: KLL's bulk update costs much less per value than one update each, and a sorted
     * batch less again once the sketch compacts. Small while the sketch holds every value, large after.
     */
    private double[] pending = new double[EXACT_SKETCH_BATCH];
    private int pendingCount;
    private final CappedValues exactValues;

    private static final int EXACT_SKETCH_BATCH = 64;
    /** 16 KiB of heap per profile, never serialized: the codec flushes the batch into the sketch first. */
    private static final int COMPACTING_SKETCH_BATCH = 2048;

    private NumericProfile(NumericProfileConfig config, ExactMoments moments, KllDoublesSketch sketch,
                           CappedValues exactValues) {
        this.config = config;
        this.moments = moments;
        this.sketch = sketch;
        this.exactValues = exactValues;
    }

    public static NumericProfile create(NumericProfileConfig config) {
        requireNonNull(config, "config");
        return new NumericProfile(config, new ExactMoments(), KllDoublesSketch.newHeapInstance(config.kllK()),
                new CappedValues(config.exactValueCap()));
    }

    /** The profile of {@code values}; NaN and infinities are counted as non-finite. */
    public static NumericProfile of(NumericProfileConfig config, double... values) {
        NumericProfile profile = create(config);
        for (double value : requireNonNull(values, "values")) {
            profile.update(value);
        }
        return profile;
    }

    /** Rebuilds a profile from its decoded parts; {@link ProfileCodec} has checked their consistency. */
    static NumericProfile restore(NumericProfileConfig config, MissingCounts missing, double min, double max,
                                  ExactMoments moments, KllDoublesSketch sketch, CappedValues exactValues) {
        NumericProfile profile = new NumericProfile(config, moments, sketch, exactValues);
        profile.count = sketch.getN();
        profile.nullCount = missing.nullCount();
        profile.nonFiniteCount = missing.nonFiniteCount();
        profile.wrongTypeCount = missing.wrongTypeCount();
        if (profile.count > 0) {
            profile.min = min;
            profile.max = max;
        }
        return profile;
    }

    public void update(double value) {
        if (!Double.isFinite(value)) {
            nonFiniteCount++;
            return;
        }
        count++;
        min = Math.min(min, value);
        max = Math.max(max, value);
        moments.add(value);
        pending[pendingCount++] = value;
        if (pendingCount == pending.length) {
            flushPending();
        }
        exactValues.add(value);
    }

    public void updateNull() {
        nullCount++;
    }

    public void updateWrongType() {
        wrongTypeCount++;
    }

    /**
     * Adds {@code other}'s data to this profile; {@code other} is unchanged.
     *
     * @throws IllegalArgumentException if the two profiles were configured differently
     */
    public void merge(NumericProfile other) {
        requireNonNull(other, "other");
        if (other == this) {
            other = copy();
        }
        if (!config.equals(other.config)) {
            throw new IllegalArgumentException("cannot merge numeric profiles configured differently: "
                    + config + " and " + other.config + "; rebuild one of them with the other's configuration");
        }
        count += other.count;
        nullCount += other.nullCount;
        nonFiniteCount += other.nonFiniteCount;
        wrongTypeCount += other.wrongTypeCount;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        moments.addAll(other.moments);
        sketch.merge(other.flushedSketch());
        exactValues.addAll(other.exactValues);
    }

    /** An independent copy, for merging without touching the original. */
    public NumericProfile copy() {
        NumericProfile copy = create(config);
        copy.merge(this);
        return copy;
    }

    public NumericProfileConfig config() {
        return config;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public long nullCount() {
        return nullCount;
    }

    /** Number of NaN, +Infinity and -Infinity values. */
    public long nonFiniteCount() {
        return nonFiniteCount;
    }

    @Override
    public long wrongTypeCount() {
        return wrongTypeCount;
    }

    @Override
    public long missingCount() {
        return nullCount + nonFiniteCount + wrongTypeCount;
    }

    /** Smallest valid value; NaN when there is none. */
    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    /** Largest valid value; NaN when there is none. */
    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    /** Mean of the valid values: their exact sum, rounded once, divided by the count; NaN when there is none. */
    public double mean() {
        return moments.mean(count);
    }

    /** Sample variance (ddof 1) from the exact moments; NaN below two values. */
    public double sampleVariance() {
        return moments.sampleVariance(count);
    }

    /** Population standard deviation (ddof 0, NumPy's {@code std}) from the exact moments; NaN when empty. */
    public double populationStandardDeviation() {
        return Math.sqrt(moments.populationVariance(count));
    }

    /** A read-only copy of the quantile sketch of the valid values. */
    public KllDoublesSketch sketch() {
        return KllDoublesSketch.wrap(Memory.wrap(flushedSketch().toByteArray()));
    }

    /**
     * The sketch's normalized rank error at 99% confidence ({@code getNormalizedRankError(false)}): every
     * rank it reports is within this of the true rank. Zero while the sketch still holds every value.
     */
    public double normalizedRankError() {
        KllDoublesSketch flushed = flushedSketch();
        return flushed.isEstimationMode() ? flushed.getNormalizedRankError(false) : 0.0;
    }

    /** Whether the raw values are still held: the count has never exceeded the exact-value cap. */
    public boolean holdsExactValues() {
        return exactValues.isHeld();
    }

    /** The valid values, sorted, while they are held; empty once the cap was exceeded. */
    public Optional<SortedSample> exactSample() {
        return exactValues.isHeld() ? Optional.of(SortedSample.ofOwned(exactValues.toArray())) : Optional.empty();
    }

    double rawMin() {
        return min;
    }

    double rawMax() {
        return max;
    }

    ExactMoments moments() {
        return moments;
    }

    byte[] sketchBytes() {
        return flushedSketch().toByteArray();
    }

    private KllDoublesSketch flushedSketch() {
        if (pendingCount > 0) {
            flushPending();
        }
        return sketch;
    }

    /**
     * Hands the pending values to the sketch. While the sketch will not compact (it holds at most k values) they go
     * newest first: KLL stacks single updates downwards in its buffer, so its items stay in the order one update per
     * value leaves them, and such a sketch has the same bytes either way (the codec tests pin them). Once it
     * compacts, the batch goes sorted ({@link BatchSorter}), which makes KLL's sort of its lowest level a merge of
     * sorted runs. The order within a batch depends on the values alone, never on the sketch's random compaction
     * choices, and KLL's rank-error guarantee holds for every order of the input: the bound
     * ({@link #normalizedRankError()}) is the same as for one update per value in arrival order.
     */
    private void flushPending() {
        boolean compacts = sketch.getN() + pendingCount > config.kllK();
        if (compacts) {
            BatchSorter.ofThisThread().sort(pending, pendingCount);
        } else {
            for (int low = 0, high = pendingCount - 1; low < high; low++, high--) {
                double swap = pending[low];
                pending[low] = pending[high];
                pending[high] = swap;
            }
        }
        sketch.update(pending, 0, pendingCount);
        pendingCount = 0;
        if (compacts && pending.length < COMPACTING_SKETCH_BATCH) {
            pending = new double[COMPACTING_SKETCH_BATCH];
        }
    }

    CappedValues exactValues() {
        return exactValues;
    }
}
