package io.driftwatch.stats.calibration;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of calibrating one test on one training column: a threshold with the numbers it came from,
 * or the reason there is none (and the test's default threshold applies).
 */
public sealed interface Calibration permits Calibration.Calibrated, Calibration.NotCalibrated {

    /** The test's name, as in {@code --tests}. */
    String test();

    /**
     * A calibrated threshold: drift when the statistic is at least {@code threshold}.
     *
     * @param threshold         {@code mean + } {@value CalibrationPlan#SIGMAS} {@code x standardDeviation}
     * @param mean              mean of the chunk statistics
     * @param standardDeviation sample standard deviation (ddof 1) of the chunk statistics, &gt; 0
     * @param chunkRows         values in the smallest chunk: the window size the threshold suits
     * @param chunkStatistics   the statistic of each chunk against the rest of the column, in chunk order
     */
    record Calibrated(String test, double threshold, double mean, double standardDeviation, int chunkRows,
                      List<Double> chunkStatistics) implements Calibration {
        public Calibrated {
            requireNonNull(test, "test");
            chunkStatistics = List.copyOf(chunkStatistics);
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException("a calibrated threshold must be finite, got " + threshold);
            }
        }

        public int chunks() {
            return chunkStatistics.size();
        }
    }

    /**
     * No threshold for {@code test}; {@code reason} says why, for a person.
     */
    record NotCalibrated(String test, String reason) implements Calibration {
        public NotCalibrated {
            requireNonNull(test, "test");
            requireNonNull(reason, "reason");
        }
    }
}
