package io.driftwatch.topology.window;

import io.driftwatch.schemas.record.ColumnKind;
import io.driftwatch.schemas.record.WindowProfile;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.ProfileCodec;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a closed window into the records of the profiles topic, one per feature and one for the
 * prediction, each carrying its mergeable profile: any span of windows can later be merged and analysed
 * again from this topic alone.
 */
public final class WindowProfileRecords {
    private WindowProfileRecords() {
    }

    public static List<WindowProfile> of(ClosedWindow closed) {
        List<WindowProfile> records = new ArrayList<>();
        for (Map.Entry<String, ColumnProfile> entry : closed.profiles().profiles().entrySet()) {
            ColumnProfile profile = entry.getValue();
            boolean numeric = profile instanceof NumericProfile;
            records.add(WindowProfile.newBuilder()
                    .setModelName(closed.window().model())
                    .setModelVersion(closed.window().version())
                    .setFeature(entry.getKey())
                    .setWindowStart(Instant.ofEpochMilli(closed.window().startMillis()))
                    .setWindowEnd(Instant.ofEpochMilli(closed.endMillis()))
                    .setColumnType(numeric ? ColumnKind.NUMERIC : ColumnKind.CATEGORICAL)
                    .setCount(profile.count())
                    .setMissing(profile.missingCount())
                    .setProfile(ByteBuffer.wrap(ProfileCodec.toBytes(profile)))
                    .build());
        }
        return records;
    }
}
