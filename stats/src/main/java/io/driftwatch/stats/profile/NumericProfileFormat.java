package io.driftwatch.stats.profile;

import io.driftwatch.stats.arithmetic.ExactSum;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.QuantilesDoublesSketchIterator;

import java.nio.ByteBuffer;

/** Writes and reads the body of a numeric profile, format version 1; the layout is in {@link ProfileCodec}. */
final class NumericProfileFormat {
    private static final int FLAG_EXACT_VALUES = 1;
    private static final int FIXED_BYTES = ProfileCodec.HEADER_BYTES + 2 * Integer.BYTES + 6 * Long.BYTES;

    private NumericProfileFormat() {
    }

    static byte[] write(NumericProfile profile) {
        double[] sumPartials = profile.moments().sum().partials();
        double[] squarePartials = profile.moments().sumOfSquares().partials();
        double[] values = profile.exactValues().toArray();
        byte[] sketch = profile.sketchBytes();
        int size = FIXED_BYTES + 2 + Double.BYTES * (sumPartials.length + squarePartials.length + values.length)
                + Integer.BYTES + sketch.length;
        ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.put((byte) ProfileCodec.FORMAT_VERSION)
                .put((byte) ProfileCodec.KIND_NUMERIC)
                .put((byte) (profile.holdsExactValues() ? FLAG_EXACT_VALUES : 0))
                .putInt(profile.config().kllK())
                .putInt(profile.config().exactValueCap())
                .putLong(profile.count())
                .putLong(profile.nullCount())
                .putLong(profile.nonFiniteCount())
                .putLong(profile.wrongTypeCount())
                .putDouble(profile.min())
                .putDouble(profile.max());
        putSum(buffer, profile.moments().sum(), sumPartials);
        putSum(buffer, profile.moments().sumOfSquares(), squarePartials);
        for (double value : values) {
            buffer.putDouble(value);
        }
        buffer.putInt(sketch.length).put(sketch);
        return buffer.array();
    }

    static NumericProfile read(ProfileReader reader) {
        int flags = reader.readUnsignedByte("flags");
        if ((flags & ~FLAG_EXACT_VALUES) != 0) {
            throw reader.corrupt("unknown numeric flags 0x" + Integer.toHexString(flags));
        }
        NumericProfileConfig config = readConfig(reader);
        long count = reader.readCount("count");
        MissingCounts missing = new MissingCounts(reader.readCount("nullCount"), reader.readCount("nonFiniteCount"),
                reader.readCount("wrongTypeCount"));
        double min = reader.readDouble("min");
        double max = reader.readDouble("max");
        checkRange(reader, count, min, max);
        ExactMoments moments = new ExactMoments(readSum(reader, "sum of values"), readSum(reader, "sum of squares"));
        CappedValues values = (flags & FLAG_EXACT_VALUES) != 0
                ? readValues(reader, config, count, min, max) : CappedValues.dropped(config.exactValueCap());
        KllDoublesSketch sketch = readSketch(reader, count, min, max);
        reader.requireEnd();
        return NumericProfile.restore(config, missing, min, max, moments, sketch, values);
    }

    private static void putSum(ByteBuffer buffer, ExactSum sum, double[] partials) {
        if (sum.isOverflowed()) {
            buffer.put((byte) ExactSum.OVERFLOWED);
            return;
        }
        buffer.put((byte) partials.length);
        for (double partial : partials) {
            buffer.putDouble(partial);
        }
    }

    private static NumericProfileConfig readConfig(ProfileReader reader) {
        int kllK = reader.readInt("kllK");
        int exactValueCap = reader.readInt("exactValueCap");
        try {
            return new NumericProfileConfig(kllK, exactValueCap);
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException("corrupt numeric profile configuration: " + e.getMessage(), e);
        }
    }

    private static void checkRange(ProfileReader reader, long count, double min, double max) {
        boolean consistent = count == 0
                ? Double.isNaN(min) && Double.isNaN(max)
                : Double.isFinite(min) && Double.isFinite(max) && min <= max;
        if (!consistent) {
            throw reader.corrupt("min " + min + " and max " + max + " do not fit a count of " + count);
        }
    }

    private static ExactSum readSum(ProfileReader reader, String field) {
        int partialCount = reader.readUnsignedByte(field + " partial count");
        if (partialCount == ExactSum.OVERFLOWED) {
            return ExactSum.overflowedSum();
        }
        double[] partials = new double[partialCount];
        for (int i = 0; i < partialCount; i++) {
            partials[i] = reader.readDouble(field + " partial " + i);
            boolean increasing = i == 0 || Math.abs(partials[i]) > Math.abs(partials[i - 1]);
            if (!Double.isFinite(partials[i]) || partials[i] == 0.0 || !increasing) {
                throw reader.corrupt(field + " partial " + i + " (" + partials[i] + ") is not a finite non-zero"
                        + " value larger in magnitude than the one before");
            }
        }
        return ExactSum.ofPartials(partials);
    }

    private static CappedValues readValues(ProfileReader reader, NumericProfileConfig config, long count,
                                           double min, double max) {
        if (count > config.exactValueCap()) {
            throw reader.corrupt("raw values are flagged present but count " + count + " exceeds exactValueCap "
                    + config.exactValueCap());
        }
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = reader.readDouble("raw value " + i);
            if (!(values[i] >= min && values[i] <= max)) {
                throw reader.corrupt("raw value " + i + " (" + values[i] + ") lies outside [min, max] = [" + min
                        + ", " + max + "]");
            }
        }
        return CappedValues.of(values, config.exactValueCap());
    }

    private static KllDoublesSketch readSketch(ProfileReader reader, long count, double min, double max) {
        int start = reader.offset();
        byte[] bytes = reader.readBlock("KLL sketch");
        KllDoublesSketch sketch;
        try {
            sketch = KllDoublesSketch.heapify(Memory.wrap(bytes));
        } catch (RuntimeException e) {
            // DataSketches reports corrupt bytes with several exception types; all mean the same here.
            throw new ProfileFormatException("corrupt profile: the KLL sketch at byte offset " + start
                    + " cannot be read: " + e.getMessage(), e);
        }
        if (sketch.getN() != count
                || (count > 0 && (sketch.getMinItem() != min || sketch.getMaxItem() != max))) {
            throw new ProfileFormatException("corrupt profile: the KLL sketch at byte offset " + start + " holds "
                    + sketch.getN() + " values but the profile counts " + count + " in [" + min + ", " + max + "]");
        }
        if (count > 0) {
            QuantilesDoublesSketchIterator items = sketch.iterator();
            while (items.next()) {
                if (!(items.getQuantile() >= min && items.getQuantile() <= max)) {
                    throw new ProfileFormatException("corrupt profile: the KLL sketch at byte offset " + start
                            + " holds " + items.getQuantile() + ", outside [min, max] = [" + min + ", " + max + "]");
                }
            }
        }
        return sketch;
    }
}
