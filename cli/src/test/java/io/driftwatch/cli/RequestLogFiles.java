package io.driftwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * A model's request log as teams export it: a UUID request id and an ISO timestamp per row (never features, and
 * different in every file), an income with missing values, an age, a boolean and a region. Seeded, so every run
 * writes the same files.
 */
final class RequestLogFiles {
    private RequestLogFiles() {
    }

    /**
     * @param incomeShift added to every income, to make a current file drift from the reference
     * @param regions     the regions rows are drawn from
     */
    static Path write(Path file, int rows, long seed, Instant start, double incomeShift, String... regions)
            throws IOException {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("request_id,received_at,income,age,active,region\n");
        for (int row = 0; row < rows; row++) {
            String income = random.nextDouble() < 0.05 ? ""
                    : String.format(Locale.ROOT, "%.2f", 50_000 + incomeShift + 10_000 * random.nextGaussian());
            text.append(new UUID(random.nextLong(), random.nextLong())).append(',')
                    .append(start.plusSeconds(60L * row)).append(',')
                    .append(income).append(',')
                    .append(18 + random.nextInt(60)).append(',')
                    .append(random.nextBoolean()).append(',')
                    .append(regions[random.nextInt(regions.length)]).append('\n');
        }
        return Files.writeString(file, text);
    }
}
