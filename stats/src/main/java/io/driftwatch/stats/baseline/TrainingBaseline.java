package io.driftwatch.stats.baseline;

import io.driftwatch.stats.quality.QualitySummary;
import org.jspecify.annotations.Nullable;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The baseline of a training data set, before it is given a model, a version and a wire format.
 *
 * @param rows        data rows of the training data
 * @param columns     per column, in the training data's column order
 * @param settings    how it was built
 * @param contentHash SHA-256 (64 lowercase hex digits) of the training data as read, of the settings and of
 *                    the quality: equal hashes mean the same columns, values, settings and quality
 * @param quality     the model's quality on the labelled rows of the data, computed by the same tally as the
 *                    stream's quality reports; null when the data carried no labels
 */
public record TrainingBaseline(long rows, List<ColumnBaseline> columns, BaselineSettings settings, String contentHash,
                               @Nullable QualitySummary quality) {
    /** Hex digits of the content hash in a baseline id: 64 bits, no collision among one model's versions. */
    static final int ID_HASH_DIGITS = 16;

    public TrainingBaseline {
        columns = List.copyOf(columns);
        requireNonNull(settings, "settings");
        requireNonNull(contentHash, "contentHash");
        if (!contentHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("contentHash must be 64 lowercase hex digits, got " + contentHash);
        }
    }

    /**
     * The deterministic id of this baseline for one model version: {@code model/version/} and the first
     * {@value #ID_HASH_DIGITS} hex digits of the content hash. Building it again from the same data and
     * settings gives the same id; any change of data or settings gives another.
     */
    public String baselineId(String model, String version) {
        requireNonNull(model, "model");
        requireNonNull(version, "version");
        return model + '/' + version + '/' + contentHash.substring(0, ID_HASH_DIGITS);
    }
}
