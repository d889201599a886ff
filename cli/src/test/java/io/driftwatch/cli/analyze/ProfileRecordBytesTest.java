package io.driftwatch.cli.analyze;

import io.driftwatch.schemas.record.WindowProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.window.ClosedWindow;
import io.driftwatch.topology.window.WindowKey;
import io.driftwatch.topology.window.WindowProfileRecords;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes a window costs on the profiles topic, measured on the records the service writes at the default sketch
 * settings: the figures docs/analyze.md gives for the profiles topic's retention rest on these bounds.
 */
class ProfileRecordBytesTest {
    private static final long KIB = 1024;
    private static final long HOURLY_WINDOWS_A_YEAR = 365 * 24;

    /** The record of each feature of one window of {@code rows} rows with {@code categories} regions, in bytes. */
    private static Map<String, Long> recordBytes(int rows, int categories) {
        Random random = new Random(11);
        FeatureProfiles profiles = new FeatureProfiles(NumericProfileConfig.defaults(), CategoricalProfileConfig.defaults());
        for (int i = 0; i < rows; i++) {
            profiles.add(Map.of("income", 50_000 + random.nextGaussian() * 9_000,
                    "region", "region-" + random.nextInt(categories)), random.nextDouble());
        }
        Map<String, Long> bytes = new HashMap<>();
        for (WindowProfile record : WindowProfileRecords.of(new ClosedWindow(new WindowKey("credit", "7", 0, 3_600_000),
                profiles, true))) {
            bytes.put(record.getFeature(), (long) Topics.PROFILES.valueSerde().serializer().serialize("profiles", record).length);
        }
        return bytes;
    }

    @Test
    void aNumericFeatureCostsAtMost24KibPerWindowAndAbout13KibInABusyOne() {
        for (int rows : new int[]{100, 2_048, 2_049, 20_000, 1_000_000}) {
            assertThat(recordBytes(rows, 10).get("income")).as(rows + " rows").isLessThanOrEqualTo(24 * KIB);
        }
        assertThat(recordBytes(2_048, 10).get("income")).as("the exact values at the cap").isGreaterThan(16 * KIB);
        assertThat(recordBytes(1_000_000, 10).get("income")).as("the KLL sketch alone").isBetween(10 * KIB, 14 * KIB);
    }

    @Test
    void aCategoricalFeatureCostsAFewHundredBytesToAt36KibWithItsCategories() {
        assertThat(recordBytes(100_000, 10).get("region")).isLessThan(KIB);
        assertThat(recordBytes(100_000, 100).get("region")).isLessThan(3 * KIB);
        assertThat(recordBytes(100_000, 1_024).get("region")).isLessThanOrEqualTo(26 * KIB);
        assertThat(recordBytes(100_000, 5_000).get("region")).isLessThanOrEqualTo(36 * KIB);
    }

    @Test
    void aYearOfHourlyWindowsOfA25FeatureModelCostsUnder2Point5GibTypicallyAnd8GibAtWorst() {
        Map<String, Long> busy = recordBytes(20_000, 100);
        long typicalWindow = 20 * busy.get("income") + 5 * busy.get("region") + busy.get("__prediction__");
        long worstWindow = 26 * 36 * KIB;

        assertThat(typicalWindow * HOURLY_WINDOWS_A_YEAR).isBetween(2_000 * KIB * KIB, 2_500 * KIB * KIB);
        assertThat(worstWindow * HOURLY_WINDOWS_A_YEAR).isLessThan(8 * KIB * KIB * KIB);
        assertThat(typicalWindow * HOURLY_WINDOWS_A_YEAR * 400 / 365).as("400 days").isLessThan(2_700 * KIB * KIB);
    }
}
