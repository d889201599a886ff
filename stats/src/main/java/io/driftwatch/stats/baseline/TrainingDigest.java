package io.driftwatch.stats.baseline;

import io.driftwatch.stats.calibration.CalibrationPlan;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.quality.QualitySummary;
import io.driftwatch.stats.sample.SortedSample;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 content hash of a baseline: of the training data as read (column names in order, types,
 * missing counts, every valid value as its IEEE bits in sorted order, or every category with its count in
 * category order), of the settings, and of the quality on labelled rows when there is one (its counts and
 * metrics: sorted columns alone would not see labels paired with other predictions). Hashing the input rather than the profiles keeps the hash
 * deterministic, since KLL compaction is randomized; and sorted values make it independent of row order
 * and file format. Not thread-safe: one per baseline.
 *
 * <p>Every variable-length item is preceded by its length, so no two different inputs give the same
 * byte stream.
 */
final class TrainingDigest {
    private static final String FORMAT_TAG = "driftwatch-baseline-content-v1";
    private static final int BUFFER_BYTES = 1 << 16;

    private final MessageDigest digest;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);

    TrainingDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
        text(FORMAT_TAG);
    }

    void settings(BaselineSettings settings) {
        number(settings.calibrate() ? 1 : 0);
        CalibrationPlan plan = settings.plan();
        number(plan.chunks());
        number(plan.chunkRows());
        number(plan.seed());
        text(settings.options().binning().name());
        text(settings.options().logBase().name());
        text(settings.options().ksMethod().name());
        binnedEstimates(settings.options());
        number(settings.domainCap());
        number(settings.numericProfile().kllK());
        number(settings.numericProfile().exactValueCap());
        number(settings.categoricalProfile().maxExactCategories());
        number(settings.categoricalProfile().frequentItemsLgMaxMapSize());
        number(settings.categoricalProfile().hllLgK());
        settings.targets().testsByColumn().forEach((column, tests) -> {
            text(column);
            tests.forEach((test, options) -> {
                text(test);
                text(options.binning().name());
                text(options.logBase().name());
                text(options.ksMethod().name());
                binnedEstimates(options);
            });
        });
    }

    /** Only when on, so that every baseline built before the option existed keeps its digest. */
    private void binnedEstimates(TestOptions options) {
        if (options.binnedEstimates()) {
            text("BINNED_ESTIMATES");
        }
    }

    void rows(long rows) {
        number(rows);
    }

    void column(String name, ColumnData column) {
        text(name);
        text(column.type().name());
        number(column.missingCount());
        if (column instanceof ColumnData.Numeric numeric) {
            SortedSample values = numeric.values();
            number(values.size());
            for (int i = 0; i < values.size(); i++) {
                number(Double.doubleToLongBits(values.get(i)));
            }
        } else {
            Map<String, Long> counts = ((ColumnData.Categorical) column).counts().counts();
            number(counts.size());
            counts.forEach((category, count) -> {
                text(category);
                number(count);
            });
        }
    }

    /** The labelled-row counts and every metric (by name, as IEEE bits), so the hash covers what the labels gave. */
    void quality(QualitySummary quality) {
        text(quality.task().name());
        number(quality.predictions());
        number(quality.labelled());
        number(quality.unlabelled());
        number(quality.unmatchedLabels());
        Map<String, Double> metrics = new TreeMap<>(quality.metrics());
        number(metrics.size());
        metrics.forEach((name, value) -> {
            text(name);
            number(Double.doubleToLongBits(value));
        });
    }

    /** The hash as 64 lowercase hex digits; the digest cannot be used afterwards. */
    String finish() {
        flush();
        return HexFormat.of().formatHex(digest.digest());
    }

    private void number(long value) {
        if (buffer.remaining() < Long.BYTES) {
            flush();
        }
        buffer.putLong(value);
    }

    private void text(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        number(bytes.length);
        flush();
        digest.update(bytes);
    }

    private void flush() {
        digest.update(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
