package io.driftwatch.topology.window;

import io.driftwatch.topology.state.BytesCodec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * For one model version: the latest window start each input partition has reported. A window can close
 * once every input partition has reported it or a later window: a partition that is behind (catching up
 * after a restart, or simply slower) holds the window open instead of having its partial arrive too late.
 * A partition that has never reported this model version (it may never see its traffic) is waited for only
 * until the merge delay has passed. Mutable; owned by the merge processor.
 */
final class PartitionProgress {
    private final TreeMap<Integer, Long> latestStartByPartition;

    PartitionProgress() {
        this(new TreeMap<>());
    }

    private PartitionProgress(TreeMap<Integer, Long> latestStartByPartition) {
        this.latestStartByPartition = latestStartByPartition;
    }

    void reported(int partition, long windowStartMillis) {
        latestStartByPartition.merge(partition, windowStartMillis, Math::max);
    }

    /**
     * Whether the window starting at {@code startMillis} may close: every one of the {@code partitions}
     * input partitions has reported it or a later window, except partitions that never reported this model
     * version, which count only while {@code mergeDelayPassed} is false.
     */
    boolean reached(long startMillis, int partitions, boolean mergeDelayPassed) {
        for (int partition = 0; partition < partitions; partition++) {
            Long latest = latestStartByPartition.get(partition);
            if (latest == null ? !mergeDelayPassed : latest < startMillis) {
                return false;
            }
        }
        return true;
    }

    /** Bytes: version byte 1, int32 count, then per partition int32 partition and int64 latest start. */
    static final BytesCodec<PartitionProgress> CODEC = new BytesCodec<>() {
        @Override
        public byte[] toBytes(PartitionProgress progress) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(1);
                out.writeInt(progress.latestStartByPartition.size());
                for (Map.Entry<Integer, Long> entry : progress.latestStartByPartition.entrySet()) {
                    out.writeInt(entry.getKey());
                    out.writeLong(entry.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("writing to memory cannot fail", e);
            }
            return bytes.toByteArray();
        }

        @Override
        public PartitionProgress fromBytes(byte[] bytes) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                if (in.readUnsignedByte() != 1) {
                    throw new IllegalStateException("partition progress format is not supported by this build");
                }
                TreeMap<Integer, Long> latest = new TreeMap<>();
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    latest.put(in.readInt(), in.readLong());
                }
                return new PartitionProgress(latest);
            } catch (IOException e) {
                throw new IllegalStateException("corrupt partition progress in a state store (" + bytes.length + " bytes)", e);
            }
        }
    };
}
