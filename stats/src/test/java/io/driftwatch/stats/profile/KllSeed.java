package io.driftwatch.stats.profile;

import org.apache.datasketches.kll.KllSketch;

import java.lang.reflect.Field;
import java.util.Random;

/**
 * Makes KLL's randomized compaction repeatable in tests. DataSketches draws every compaction coin from one
 * static, unseeded {@code Random}; a rank-error bound that holds with 99% confidence would otherwise make a
 * test fail about once in a hundred runs. Production code never touches it.
 */
public final class KllSeed {
    private KllSeed() {
    }

    public static void reset(long seed) {
        try {
            Field field = KllSketch.class.getDeclaredField("random");
            field.setAccessible(true);
            ((Random) field.get(null)).setSeed(seed);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DataSketches changed KllSketch's random field; update KllSeed", e);
        }
    }
}
