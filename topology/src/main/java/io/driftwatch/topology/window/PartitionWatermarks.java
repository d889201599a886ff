package io.driftwatch.topology.window;

import io.driftwatch.topology.state.BytesCodec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one merge task knows of the input partitions' progress: the event time each has reached, and the event time
 * through which this task has closed windows. A window can close once every input partition's event time has
 * reached its close time: a partition that is behind (catching up after a restart, or simply slower) holds it open
 * instead of having its partial arrive too late. A partition never heard from (it may get no traffic at all) is
 * waited for only until the merge delay has passed. Event times rather than window starts, since every model cuts
 * its own windows. Mutable; owned by the merge processor.
 */
final class PartitionWatermarks {
    private final SortedMap<Integer, Long> eventTimeByPartition;
    private long closedThroughMillis;

    PartitionWatermarks() {
        this(new TreeMap<>(), Long.MIN_VALUE);
    }

    private PartitionWatermarks(SortedMap<Integer, Long> eventTimeByPartition, long closedThroughMillis) {
        this.eventTimeByPartition = eventTimeByPartition;
        this.closedThroughMillis = closedThroughMillis;
    }

    /** @return whether the partition got further than it was known to be */
    boolean advance(int partition, long eventTimeMillis) {
        Long known = eventTimeByPartition.get(partition);
        if (known != null && known >= eventTimeMillis) {
            return false;
        }
        eventTimeByPartition.put(partition, eventTimeMillis);
        return true;
    }

    /** The event time through which this task has closed windows; a partial closing at or before it is late. */
    long closedThroughMillis() {
        return closedThroughMillis;
    }

    /**
     * Moves the task's close point as far as the {@code partitions} input partitions allow and returns it: the
     * earliest of their event times, where a partition never heard from counts only until {@code mergeDelay} has
     * passed since the furthest partition's. Never moves back.
     */
    long closeThrough(int partitions, Duration mergeDelay) {
        if (eventTimeByPartition.isEmpty()) {
            return closedThroughMillis;
        }
        long furthest = Collections.max(eventTimeByPartition.values());
        long bound = Long.MAX_VALUE;
        for (int partition = 0; partition < partitions; partition++) {
            Long watermark = eventTimeByPartition.get(partition);
            bound = Math.min(bound, watermark != null ? watermark : furthest - mergeDelay.toMillis());
        }
        closedThroughMillis = Math.max(closedThroughMillis, bound);
        return closedThroughMillis;
    }

    /** Whether every one of the {@code partitions} input partitions has reached {@code closeAtMillis}. */
    boolean allPassed(long closeAtMillis, int partitions) {
        for (int partition = 0; partition < partitions; partition++) {
            Long watermark = eventTimeByPartition.get(partition);
            if (watermark == null || watermark < closeAtMillis) {
                return false;
            }
        }
        return true;
    }

    /**
     * Bytes: version byte 2, closed-through event time int64, int32 count, then per partition int32 partition and
     * int64 event time. Format 1 held window starts of the settings' shape, {@code legacy}: each is read as the event
     * time that closed that window.
     */
    static BytesCodec<PartitionWatermarks> codec(WindowShape legacy) {
        long legacyCloseMillis = legacy.size().toMillis() + legacy.grace().toMillis();
        return new BytesCodec<>() {
            @Override
            public byte[] toBytes(PartitionWatermarks watermarks) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    out.writeByte(2);
                    out.writeLong(watermarks.closedThroughMillis);
                    out.writeInt(watermarks.eventTimeByPartition.size());
                    for (Map.Entry<Integer, Long> entry : watermarks.eventTimeByPartition.entrySet()) {
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
                    int version = in.readUnsignedByte();
                    if (version != 1 && version != 2) {
                        throw new IllegalStateException("partition watermarks format " + version + " is not supported by this build");
                    }
                    long shift = version == 1 ? legacyCloseMillis : 0;
                    long closedThrough = shifted(in.readLong(), shift);
                    TreeMap<Integer, Long> watermarks = new TreeMap<>();
                    int count = in.readInt();
                    for (int i = 0; i < count; i++) {
                        watermarks.put(in.readInt(), shifted(in.readLong(), shift));
                    }
                    return new PartitionWatermarks(watermarks, closedThrough);
                } catch (IOException e) {
                    throw new IllegalStateException("corrupt partition watermarks in a state store (" + bytes.length + " bytes)", e);
                }
            }
        };
    }

    private static long shifted(long millis, long shift) {
        return millis == Long.MIN_VALUE ? millis : millis + shift;
    }
}
