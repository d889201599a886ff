package io.driftwatch.tools.bench;

import static java.util.Objects.requireNonNull;

/**
 * Decoding speed of one input format: driftwatch's decoder against a plain decode of the same bytes.
 *
 * @param format                       the input format, e.g. {@code avro-registry}
 * @param baseline                     what the baseline does, for a person
 * @param bytesPerRecord               mean size of a record value in this format
 * @param driftwatchRecordsPerSecond   driftwatch's decoder, best pass
 * @param baselineRecordsPerSecond     the baseline, best pass
 */
record DecodeTiming(String format, String baseline, double bytesPerRecord, double driftwatchRecordsPerSecond,
                    double baselineRecordsPerSecond) {
    DecodeTiming {
        requireNonNull(format, "format");
        requireNonNull(baseline, "baseline");
    }

    /** driftwatch / baseline: 1 is as fast as the baseline, 0.5 half as fast. */
    double ratio() {
        return driftwatchRecordsPerSecond / baselineRecordsPerSecond;
    }
}
