package io.driftwatch.topology.window;

import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.stats.profile.FeatureProfilesCodec;
import io.driftwatch.topology.state.BytesCodec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * A window of one model version being assembled from partial windows: the merged profiles, the input
 * partitions that have reported, and the event time at which it closes. Mutable; owned by the merge processor.
 */
public final class MergedWindow {
    /** The close time of a window stored in format 1, which did not hold it: the window's end and the settings' grace. */
    static final long CLOSE_AT_UNKNOWN = Long.MIN_VALUE;

    private final FeatureProfiles profiles;
    private final SortedSet<Integer> partitions;
    private final long closeAtMillis;

    MergedWindow(FeatureProfiles profiles, SortedSet<Integer> partitions, long closeAtMillis) {
        this.profiles = requireNonNull(profiles, "profiles");
        this.partitions = partitions;
        this.closeAtMillis = closeAtMillis;
    }

    static MergedWindow of(PartialWindow first) {
        MergedWindow merged = new MergedWindow(first.profiles(), new TreeSet<>(), first.closeAtMillis());
        merged.partitions.add(first.sourcePartition());
        return merged;
    }

    /**
     * Adds a partition's partial window. A partition that reports twice (a replay after a restart of the
     * aggregation stage, whose output was already committed) is ignored, so nothing is counted twice.
     *
     * @return false when this partition had already reported
     */
    boolean add(PartialWindow partial) {
        if (!partitions.add(partial.sourcePartition())) {
            return false;
        }
        profiles.merge(partial.profiles());
        return true;
    }

    public FeatureProfiles profiles() {
        return profiles;
    }

    public SortedSet<Integer> partitions() {
        return Collections.unmodifiableSortedSet(partitions);
    }

    /** The event time every input partition must reach for the window to close complete; {@link #CLOSE_AT_UNKNOWN} from format 1. */
    public long closeAtMillis() {
        return closeAtMillis;
    }

    /**
     * Bytes: version byte 2, int64 close-at, int32 partition count, the partitions, then {@link FeatureProfilesCodec}
     * bytes. Format 1 lacks the close-at.
     */
    static final BytesCodec<MergedWindow> CODEC = new BytesCodec<>() {
        @Override
        public byte[] toBytes(MergedWindow window) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(2);
                out.writeLong(window.closeAtMillis);
                out.writeInt(window.partitions.size());
                for (int partition : window.partitions) {
                    out.writeInt(partition);
                }
                out.write(FeatureProfilesCodec.toBytes(window.profiles));
            } catch (IOException e) {
                throw new UncheckedIOException("writing to memory cannot fail", e);
            }
            return bytes.toByteArray();
        }

        @Override
        public MergedWindow fromBytes(byte[] bytes) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                int version = in.readUnsignedByte();
                if (version != 1 && version != 2) {
                    throw new IllegalStateException("merged window format " + version + " is not supported by this build");
                }
                long closeAt = version == 1 ? CLOSE_AT_UNKNOWN : in.readLong();
                int count = in.readInt();
                SortedSet<Integer> partitions = new TreeSet<>();
                for (int i = 0; i < count; i++) {
                    partitions.add(in.readInt());
                }
                return new MergedWindow(FeatureProfilesCodec.fromBytes(in.readAllBytes()), partitions, closeAt);
            } catch (IOException e) {
                throw new IllegalStateException("corrupt merged window in a state store (" + bytes.length + " bytes)", e);
            }
        }
    };
}
