package io.driftwatch.stats.quality;

import io.driftwatch.stats.arithmetic.ExactSum;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The byte form of a {@link QualityTally}, for state stores and partial tallies on a repartition topic.
 * Big-endian ({@link DataOutputStream}); strings in modified UTF-8.
 * <pre>
 * u8 format version (2) | i32 max segment values | i64 predictions, unlabelled, duplicate labels, unmatched labels
 * | i32 length + KLL sketch bytes (delays) | outcomes (overall)
 * | i32 segment tags, each: tag, i32 values, each: value, outcomes
 * outcomes = u8 flags (1 classification, 2 regression)
 *   [classification: i32 rows, each: actual, i32 cells, each: predicted, i64 count | f64 log loss sum, i64 scored
 *                    | i32 scored classes, each: label, u8 rounded, i32 cells, each: f64 score, i64 positives, i64 negatives]
 *   [regression: i64 count, sums of |error|, error², |error| / max(|y|, eps), error]
 * sum = i32 n, n f64: an {@link ExactSum}'s partials, or i32 -1 for a sum that left the double range
 *       (format 1: one f64, the plain sum, read back as an exact sum of that one value)
 * </pre>
 */
public final class QualityTallyCodec {
    private static final int FORMAT_VERSION = 2;
    private static final int PLAIN_SUMS_VERSION = 1;
    /** More than an exact sum has (at most 66 partials); a larger count is corrupt. */
    private static final int MAX_PARTIALS = 128;
    private static final int OVERFLOWED_SUM = -1;
    private static final int CLASSIFICATION = 1;
    private static final int REGRESSION = 2;

    private QualityTallyCodec() {
    }

    public static byte[] toBytes(QualityTally tally) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeInt(tally.maxSegmentValues());
            for (long count : tally.counts()) {
                out.writeLong(count);
            }
            byte[] sketch = tally.delaysMillis().toByteArray();
            out.writeInt(sketch.length);
            out.write(sketch);
            writeOutcomes(out, tally.overall());
            out.writeInt(tally.segments().size());
            for (Map.Entry<String, ? extends SortedMap<String, OutcomeTally>> segment : tally.segments().entrySet()) {
                out.writeUTF(segment.getKey());
                out.writeInt(segment.getValue().size());
                for (Map.Entry<String, OutcomeTally> value : segment.getValue().entrySet()) {
                    out.writeUTF(value.getKey());
                    writeOutcomes(out, value.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writeOutcomes(DataOutputStream out, OutcomeTally outcomes) throws IOException {
        ClassificationTally classification = outcomes.classificationOrNull();
        RegressionTally regression = outcomes.regressionOrNull();
        out.writeByte((classification != null ? CLASSIFICATION : 0) | (regression != null ? REGRESSION : 0));
        if (classification != null) {
            out.writeInt(classification.confusionCells().size());
            for (Map.Entry<String, ? extends SortedMap<String, Long>> row : classification.confusionCells().entrySet()) {
                out.writeUTF(row.getKey());
                out.writeInt(row.getValue().size());
                for (Map.Entry<String, Long> cell : row.getValue().entrySet()) {
                    out.writeUTF(cell.getKey());
                    out.writeLong(cell.getValue());
                }
            }
            writeSum(out, classification.logLossSum());
            out.writeLong(classification.scored());
            out.writeInt(classification.histograms().size());
            for (Map.Entry<String, ScoreHistogram> histogram : classification.histograms().entrySet()) {
                out.writeUTF(histogram.getKey());
                out.writeBoolean(histogram.getValue().rounded());
                out.writeInt(histogram.getValue().cells().size());
                for (Map.Entry<Double, long[]> cell : histogram.getValue().cells().entrySet()) {
                    out.writeDouble(cell.getKey());
                    out.writeLong(cell.getValue()[0]);
                    out.writeLong(cell.getValue()[1]);
                }
            }
        }
        if (regression != null) {
            out.writeLong(regression.count());
            for (ExactSum sum : regression.sums()) {
                writeSum(out, sum);
            }
        }
    }

    private static void writeSum(DataOutputStream out, ExactSum sum) throws IOException {
        if (sum.isOverflowed()) {
            out.writeInt(OVERFLOWED_SUM);
            return;
        }
        double[] partials = sum.partials();
        out.writeInt(partials.length);
        for (double partial : partials) {
            out.writeDouble(partial);
        }
    }

    private static ExactSum readSum(DataInputStream in, int version) throws IOException {
        if (version == PLAIN_SUMS_VERSION) {
            return ExactSum.ofPartials(new double[] {in.readDouble()});
        }
        int n = in.readInt();
        if (n == OVERFLOWED_SUM) {
            return ExactSum.overflowedSum();
        }
        if (n < 0 || n > MAX_PARTIALS) {
            throw new IOException("a sum of " + n + " partials");
        }
        double[] partials = new double[n];
        for (int i = 0; i < n; i++) {
            partials[i] = in.readDouble();
        }
        return ExactSum.ofPartials(partials);
    }

    /** @throws IllegalArgumentException when the bytes are not a tally this build can read */
    public static QualityTally fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION && version != PLAIN_SUMS_VERSION) {
                throw new IllegalArgumentException("quality tally format " + version + " is not supported by this build");
            }
            int maxSegmentValues = in.readInt();
            long[] counts = {in.readLong(), in.readLong(), in.readLong(), in.readLong()};
            byte[] sketch = new byte[in.readInt()];
            in.readFully(sketch);
            KllDoublesSketch delays = KllDoublesSketch.heapify(Memory.wrap(sketch));
            OutcomeTally overall = readOutcomes(in, version);
            Map<String, Map<String, OutcomeTally>> segments = new TreeMap<>();
            int tags = in.readInt();
            for (int i = 0; i < tags; i++) {
                Map<String, OutcomeTally> values = segments.computeIfAbsent(in.readUTF(), k -> new TreeMap<>());
                int size = in.readInt();
                for (int j = 0; j < size; j++) {
                    values.put(in.readUTF(), readOutcomes(in, version));
                }
            }
            return QualityTally.of(maxSegmentValues, counts, delays, overall, segments);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt quality tally (" + bytes.length + " bytes)", e);
        }
    }

    private static OutcomeTally readOutcomes(DataInputStream in, int version) throws IOException {
        int flags = in.readUnsignedByte();
        OutcomeTally outcomes = new OutcomeTally();
        if ((flags & CLASSIFICATION) != 0) {
            Map<String, Map<String, Long>> cells = new TreeMap<>();
            int rows = in.readInt();
            for (int i = 0; i < rows; i++) {
                Map<String, Long> row = cells.computeIfAbsent(in.readUTF(), k -> new TreeMap<>());
                int size = in.readInt();
                for (int j = 0; j < size; j++) {
                    row.put(in.readUTF(), in.readLong());
                }
            }
            ExactSum logLossSum = readSum(in, version);
            long scored = in.readLong();
            Map<String, ScoreHistogram> histograms = new TreeMap<>();
            int classes = in.readInt();
            for (int i = 0; i < classes; i++) {
                String label = in.readUTF();
                boolean rounded = in.readBoolean();
                Map<Double, long[]> histogramCells = new TreeMap<>();
                int size = in.readInt();
                for (int j = 0; j < size; j++) {
                    histogramCells.put(in.readDouble(), new long[] {in.readLong(), in.readLong()});
                }
                histograms.put(label, ScoreHistogram.of(rounded, histogramCells));
            }
            outcomes.classification().merge(ClassificationTally.of(cells, histograms, logLossSum, scored));
        }
        if ((flags & REGRESSION) != 0) {
            long count = in.readLong();
            outcomes.regression().merge(RegressionTally.of(count, new ExactSum[] {readSum(in, version),
                    readSum(in, version), readSum(in, version), readSum(in, version)}));
        }
        return outcomes;
    }
}
