package io.driftwatch.policy.infer;

import io.driftwatch.stats.compare.ColumnData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * The largest missing share inferred for a column that missed values in training: the observed share with half again
 * as much headroom, and at least {@value #MIN_HEADROOM} above it, rounded up to a whole percent and at most 1. A window
 * is a sample, so its share scatters around the training one; the headroom keeps an unchanged pipeline quiet while a
 * share that doubled still breaks the expectation. A column never missing in training gets no limit: the schema check's
 * missing-rate jump still reports a column that starts to miss values.
 */
final class MissingShare {
    static final double HEADROOM_FACTOR = 1.5;
    static final double MIN_HEADROOM = 0.01;

    private MissingShare() {
    }

    static OptionalDouble limit(ColumnData column) {
        if (column.missingCount() == 0) {
            return OptionalDouble.empty();
        }
        double observed = column.missingRate();
        double withHeadroom = Math.max(observed * HEADROOM_FACTOR, observed + MIN_HEADROOM);
        BigDecimal percent = BigDecimal.valueOf(withHeadroom).setScale(2, RoundingMode.CEILING);
        return OptionalDouble.of(Math.min(1.0, percent.doubleValue()));
    }
}
