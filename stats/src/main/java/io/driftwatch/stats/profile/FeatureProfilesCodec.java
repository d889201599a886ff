package io.driftwatch.stats.profile;

import io.driftwatch.stats.multivariate.ReconstructionErrors;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The byte form of a {@link FeatureProfiles}, for state stores and topics. This class alone knows the
 * layout (all integers big-endian, strings in Java's modified UTF-8 with a 2-byte length):
 * <pre>
 * byte     format version: 2 when the window holds reconstruction errors, else 1 (the layout before them)
 * int32    numeric kllK, int32 numeric exactValueCap
 * int32    categorical maxExactCategories, int32 frequentItemsLgMaxMapSize, int32 hllLgK
 * int64    records
 * int32    n; n times: utf name, int64 nulls seen before the feature's kind was known
 * int32    m; m times: utf name, int32 length, that many bytes of {@link ProfileCodec}
 * format 2 only:
 * int32    r; r times: utf fit id, int64 count, float64 mean, float64 M2 of the reconstruction errors it scored
 * </pre>
 */
public final class FeatureProfilesCodec {
    static final int FORMAT_VERSION = 2;
    private static final int FORMAT_WITHOUT_RECONSTRUCTION = 1;

    private FeatureProfilesCodec() {
    }

    public static byte[] toBytes(FeatureProfiles profiles) {
        requireNonNull(profiles, "profiles");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            boolean reconstruction = !profiles.reconstructionErrors().isEmpty();
            out.writeByte(reconstruction ? FORMAT_VERSION : FORMAT_WITHOUT_RECONSTRUCTION);
            out.writeInt(profiles.numericConfig().kllK());
            out.writeInt(profiles.numericConfig().exactValueCap());
            out.writeInt(profiles.categoricalConfig().maxExactCategories());
            out.writeInt(profiles.categoricalConfig().frequentItemsLgMaxMapSize());
            out.writeInt(profiles.categoricalConfig().hllLgK());
            out.writeLong(profiles.records());
            out.writeInt(profiles.nullsBeforeKind().size());
            for (Map.Entry<String, Long> entry : profiles.nullsBeforeKind().entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeLong(entry.getValue());
            }
            out.writeInt(profiles.profiles().size());
            for (Map.Entry<String, ColumnProfile> entry : profiles.profiles().entrySet()) {
                byte[] profile = ProfileCodec.toBytes(entry.getValue());
                out.writeUTF(entry.getKey());
                out.writeInt(profile.length);
                out.write(profile);
            }
            if (reconstruction) {
                out.writeInt(profiles.reconstructionErrors().size());
                for (Map.Entry<String, ReconstructionErrors> entry : profiles.reconstructionErrors().entrySet()) {
                    out.writeUTF(entry.getKey());
                    out.writeLong(entry.getValue().count());
                    out.writeDouble(entry.getValue().mean());
                    out.writeDouble(entry.getValue().m2());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws ProfileFormatException naming what is wrong when the bytes are truncated, of an unknown
     *                                version, or hold an invalid profile
     */
    public static FeatureProfiles fromBytes(byte[] bytes) {
        requireNonNull(bytes, "bytes");
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION && version != FORMAT_WITHOUT_RECONSTRUCTION) {
                throw new ProfileFormatException("feature-profiles format version " + version
                        + " is not supported: this build reads versions " + FORMAT_WITHOUT_RECONSTRUCTION + " and "
                        + FORMAT_VERSION);
            }
            NumericProfileConfig numeric = new NumericProfileConfig(in.readInt(), in.readInt());
            CategoricalProfileConfig categorical = new CategoricalProfileConfig(in.readInt(), in.readInt(), in.readInt());
            long records = in.readLong();
            Map<String, Long> nulls = new TreeMap<>();
            int nullEntries = count(in.readInt(), bytes.length, "null counts");
            for (int i = 0; i < nullEntries; i++) {
                nulls.put(in.readUTF(), in.readLong());
            }
            Map<String, ColumnProfile> profiles = new TreeMap<>();
            int profileEntries = count(in.readInt(), bytes.length, "profiles");
            for (int i = 0; i < profileEntries; i++) {
                String name = in.readUTF();
                byte[] profile = new byte[count(in.readInt(), bytes.length, "bytes of profile " + name)];
                in.readFully(profile);
                profiles.put(name, ProfileCodec.fromBytes(profile));
            }
            Map<String, ReconstructionErrors> reconstruction = new TreeMap<>();
            if (version == FORMAT_VERSION) {
                int fits = count(in.readInt(), bytes.length, "reconstruction fits");
                for (int i = 0; i < fits; i++) {
                    reconstruction.put(in.readUTF(), new ReconstructionErrors(in.readLong(), in.readDouble(), in.readDouble()));
                }
            }
            if (in.available() > 0) {
                throw new ProfileFormatException(in.available() + " unexpected bytes after the last profile");
            }
            return FeatureProfiles.restored(numeric, categorical, records, profiles, nulls, reconstruction);
        } catch (EOFException e) {
            throw new ProfileFormatException("truncated feature profiles: " + bytes.length + " bytes end early", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        } catch (IllegalArgumentException e) {
            if (e instanceof ProfileFormatException) {
                throw e;
            }
            throw new ProfileFormatException("invalid feature profiles: " + e.getMessage(), e);
        }
    }

    private static int count(int value, int totalBytes, String what) {
        if (value < 0 || value > totalBytes) {
            throw new ProfileFormatException("invalid count of " + what + ": " + value + " in " + totalBytes + " bytes");
        }
        return value;
    }
}
