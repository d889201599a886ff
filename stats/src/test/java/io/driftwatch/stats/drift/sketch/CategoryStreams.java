package io.driftwatch.stats.drift.sketch;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic categorical columns with a long tail, for the frequent-items path that the golden cases never reach. */
final class CategoryStreams {
    private CategoryStreams() {
    }

    /**
     * {@code size} draws over {@code categories} names with a roughly Zipfian frequency; {@code shift} rotates
     * which names are frequent, so two streams with different shifts drift.
     */
    static List<String> zipf(long seed, int size, int categories, int shift) {
        Random random = new Random(seed);
        List<String> stream = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int rank = (int) Math.floor(Math.exp(random.nextDouble() * Math.log(categories)));
            stream.add("c" + (Math.min(rank, categories) + shift) % categories);
        }
        return stream;
    }
}
