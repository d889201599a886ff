package io.driftwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A training file and inference traffic for model fraud v3 in which {@code age} shifts by three standard
 * deviations from a known window on: with two consecutive drifting windows needed, exactly one
 * {@code dataset_drift} trigger follows, for the first two shifted windows.
 */
final class ShiftedTraffic {
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int WINDOWS = 8;
    static final int SHIFTED_FROM_WINDOW = 4;
    static final int RECORDS_PER_WINDOW = 300;

    private ShiftedTraffic() {
    }

    static Path training(Path directory, Random random) throws IOException {
        StringBuilder csv = new StringBuilder("age,country\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(String.format(Locale.ROOT, "%.3f,%s%n", 40 + random.nextGaussian() * 5, List.of("NO", "SE", "DK").get(random.nextInt(3))));
        }
        return Files.writeString(directory.resolve("train.csv"), csv);
    }

    /** {@value #WINDOWS} windows of {@value #RECORDS_PER_WINDOW} records and one record that closes the last. */
    static Path traffic(Path directory, Random random) throws IOException {
        StringBuilder csv = new StringBuilder("request_id,event_time,age,country,prediction\n");
        int id = 0;
        for (int window = 0; window < WINDOWS; window++) {
            double shift = window >= SHIFTED_FROM_WINDOW ? 15 : 0;
            for (int i = 0; i < RECORDS_PER_WINDOW; i++) {
                Instant time = T0.plus(WINDOW.multipliedBy(window)).plusMillis(i * 1_000L);
                double age = 40 + shift + random.nextGaussian() * 5;
                csv.append(String.format(Locale.ROOT, "r%d,%s,%.3f,%s,%.4f%n", id++, time, age,
                        List.of("NO", "SE", "DK").get(random.nextInt(3)), age / 100));
            }
        }
        csv.append(String.format(Locale.ROOT, "closer,%s,40,NO,0.4%n", T0.plus(WINDOW.multipliedBy(WINDOWS + 4))));
        return Files.writeString(directory.resolve("traffic.csv"), csv);
    }

    /** The window starts the one trigger must name. */
    static List<String> triggeredWindowStarts() {
        return List.of(T0.plus(WINDOW.multipliedBy(SHIFTED_FROM_WINDOW)).toString(),
                T0.plus(WINDOW.multipliedBy(SHIFTED_FROM_WINDOW + 1)).toString());
    }
}
