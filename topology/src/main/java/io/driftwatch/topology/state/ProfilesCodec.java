package io.driftwatch.topology.state;

import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.stats.profile.FeatureProfilesCodec;

/** {@link FeatureProfilesCodec} as a state-store codec. */
public final class ProfilesCodec implements BytesCodec<FeatureProfiles> {
    public static final ProfilesCodec INSTANCE = new ProfilesCodec();

    @Override
    public byte[] toBytes(FeatureProfiles value) {
        return FeatureProfilesCodec.toBytes(value);
    }

    @Override
    public FeatureProfiles fromBytes(byte[] bytes) {
        return FeatureProfilesCodec.fromBytes(bytes);
    }
}
