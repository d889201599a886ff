package io.driftwatch.stats.compare;

import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.sample.SortedSample;
import org.apache.datasketches.kll.KllDoublesSketch;

import java.util.Optional;

import static org.apache.datasketches.quantilescommon.QuantileSearchCriteria.EXCLUSIVE;
import static org.apache.datasketches.quantilescommon.QuantileSearchCriteria.INCLUSIVE;

/**
 * The out-of-range finding from two numeric profiles. The reference's range is exact (a profile keeps its
 * exact min and max). The share of current values outside it is counted when the current profile still
 * holds its values, or its KLL sketch never compacted (then it holds every value); otherwise it is read
 * from the sketch's ranks of the reference's min (fraction strictly below) and max (fraction above), each
 * within the sketch's normalized rank error at 99% confidence. A side the current data does not cross
 * (its exact min at or above the reference's, or its max at or below) is known to be 0 and adds no error.
 */
final class ProfileRange {
    private ProfileRange() {
    }

    static Optional<SchemaFinding> outOfRange(String column, NumericProfile reference, NumericProfile current) {
        double min = reference.min();
        double max = reference.max();
        KllDoublesSketch sketch = current.sketch();
        Optional<SortedSample> values = current.exactSample();
        if (values.isEmpty() && !sketch.isEstimationMode()) {
            values = Optional.of(SortedSample.ofOwned(sketch.getSortedView().getQuantiles()));
        }
        if (values.isPresent()) {
            return SchemaChecks.countedOutOfRange(column, min, max, values.get());
        }
        boolean crossesMin = current.min() < min;
        boolean crossesMax = current.max() > max;
        double below = crossesMin ? sketch.getRank(min, EXCLUSIVE) : 0;
        double above = crossesMax ? 1 - sketch.getRank(max, INCLUSIVE) : 0;
        double error = current.normalizedRankError() * ((crossesMin ? 1 : 0) + (crossesMax ? 1 : 0));
        return SchemaChecks.estimatedOutOfRange(column, min, max, current.count(), below, above, error);
    }
}
