package io.driftwatch.topology.window;

import io.driftwatch.topology.state.BytesCodec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one merge task knows of the input partitions' progress: the latest window start each has closed
 * through, and the window start through which this task has closed windows. A window can close once every
 * input partition has closed through it: a partition that is behind (catching up after a restart, or
 * simply slower) holds it open instead of having its partial arrive too late. A partition never heard from
 * (it may get no traffic at all) is waited for only until the merge delay has passed. Mutable; owned by the
 * merge processor.
 */
final class PartitionWatermarks {
    private final SortedMap<Integer, Long> closedThroughByPartition;
    private long closedThroughStartMillis;

    PartitionWatermarks() {
        this(new TreeMap<>(), Long.MIN_VALUE);
    }

    private PartitionWatermarks(SortedMap<Integer, Long> closedThroughByPartition, long closedThroughStartMillis) {
        this.closedThroughByPartition = closedThroughByPartition;
        this.closedThroughStartMillis = closedThroughStartMillis;
    }

    /** @return whether the partition got further than it was known to be */
    boolean advance(int partition, long closedThroughStartMillis) {
        Long known = closedThroughByPartition.get(partition);
        if (known != null && known >= closedThroughStartMillis) {
            return false;
        }
        closedThroughByPartition.put(partition, closedThroughStartMillis);
        return true;
    }

    /** The start of the latest window this task has closed; a partial for it or an earlier one is late. */
    long closedThroughStartMillis() {
        return closedThroughStartMillis;
    }

    /**
     * Moves the task's close point as far as the {@code partitions} input partitions allow and returns it:
     * the earliest of their watermarks, where a partition never heard from counts only until the merge
     * delay has passed since the furthest partition's watermark. Never moves back.
     */
    long closeThrough(int partitions, WindowSpec windows) {
        if (closedThroughByPartition.isEmpty()) {
            return closedThroughStartMillis;
        }
        long furthest = Collections.max(closedThroughByPartition.values());
        long bound = Long.MAX_VALUE;
        for (int partition = 0; partition < partitions; partition++) {
            Long watermark = closedThroughByPartition.get(partition);
            bound = Math.min(bound, watermark != null ? watermark : furthest - windows.mergeDelay().toMillis());
        }
        closedThroughStartMillis = Math.max(closedThroughStartMillis, bound);
        return closedThroughStartMillis;
    }

    /** Whether every one of the {@code partitions} input partitions has closed through the window starting at {@code startMillis}. */
    boolean allPassed(long startMillis, int partitions) {
        for (int partition = 0; partition < partitions; partition++) {
            Long watermark = closedThroughByPartition.get(partition);
            if (watermark == null || watermark < startMillis) {
                return false;
            }
        }
        return true;
    }

    /** Bytes: version byte 1, closed-through start int64, int32 count, then per partition int32 partition and int64 watermark. */
    static final BytesCodec<PartitionWatermarks> CODEC = new BytesCodec<>() {
        @Override
        public byte[] toBytes(PartitionWatermarks watermarks) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(1);
                out.writeLong(watermarks.closedThroughStartMillis);
                out.writeInt(watermarks.closedThroughByPartition.size());
                for (Map.Entry<Integer, Long> entry : watermarks.closedThroughByPartition.entrySet()) {
                    out.writeInt(entry.getKey());
                    out.writeLong(entry.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("writing to memory cannot fail", e);
            }
            return bytes.toByteArray();
        }

        @Override
        public PartitionWatermarks fromBytes(byte[] bytes) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                if (in.readUnsignedByte() != 1) {
                    throw new IllegalStateException("partition watermarks format is not supported by this build");
                }
                long closedThrough = in.readLong();
                TreeMap<Integer, Long> watermarks = new TreeMap<>();
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    watermarks.put(in.readInt(), in.readLong());
                }
                return new PartitionWatermarks(watermarks, closedThrough);
            } catch (IOException e) {
                throw new IllegalStateException("corrupt partition watermarks in a state store (" + bytes.length + " bytes)", e);
            }
        }
    };
}
