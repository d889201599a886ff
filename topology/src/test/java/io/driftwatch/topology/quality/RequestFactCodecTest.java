package io.driftwatch.topology.quality;

import io.driftwatch.topology.quality.RequestFact.PredictionFact;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFactCodecTest {

    @Test
    void aPendingPredictionRoundTripsAndItsSizeIsPinned() {
        PredictionFact prediction = new PredictionFact("churn", "v7", 1_795_000_000_000L, "stay",
                Map.of("churn", 0.3, "stay", 0.7), Map.of("country", "NO"));
        byte[] bytes = RequestFactCodec.INSTANCE.toBytes(prediction);

        assertThat(RequestFactCodec.INSTANCE.fromBytes(bytes)).isEqualTo(prediction);
        // 1 format, 1 kind, 7 model, 4 version, 8 time, 7 value, scores 4 + (2+5+8) + (2+4+8), segments 4 + (2+7) + (2+2)
        assertThat(bytes).hasSize(1 + 1 + 7 + 4 + 8 + 7 + 4 + 29 + 4 + 13);
        String requestId = UUID.randomUUID().toString();
        assertThat(ExpiryKeys.requestId(ExpiryKeys.of(prediction.expiresAtMillis(1_000), requestId))).isEqualTo(requestId);
        assertThat(ExpiryKeys.of(-5, "a").compareTo(ExpiryKeys.of(5, "a"))).isNegative();
        assertThat(ExpiryKeys.of(5, "zzz").compareTo(ExpiryKeys.upTo(6))).isNegative();
    }
}
