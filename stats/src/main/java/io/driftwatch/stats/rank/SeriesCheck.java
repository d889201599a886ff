package io.driftwatch.stats.rank;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rankings' one precondition: a series per feature, all over the same number of chunks. */
final class SeriesCheck {
    private SeriesCheck() {
    }

    /** @throws IllegalArgumentException naming the duplicate feature or the series of another length */
    static void requireAligned(List<FeatureSeries> features) {
        Set<String> names = new HashSet<>();
        for (FeatureSeries series : features) {
            if (!names.add(series.feature())) {
                throw new IllegalArgumentException("feature " + series.feature() + " is given twice; give one series per feature");
            }
            if (series.chunks() != features.get(0).chunks()) {
                throw new IllegalArgumentException("feature " + series.feature() + " covers " + series.chunks()
                        + " chunks but " + features.get(0).feature() + " covers " + features.get(0).chunks()
                        + "; rank features over the same chunks");
            }
        }
    }
}
