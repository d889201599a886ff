package io.driftwatch.cli.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A synthetic training file whose facts are known by construction: income is normal with one planted
 * minimum and maximum and every 100th value missing; region has four categories, west the rarest;
 * flag holds only 0 and 1.
 */
public final class TrainingFiles {
    public static final int ROWS = 3_000;
    public static final double INCOME_MIN = -5.25;
    public static final double INCOME_MAX = 400_000.5;

    private TrainingFiles() {
    }

    public static Path write(Path directory, String name) throws IOException {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("income,region,flag\n");
        String[] regions = {"north", "north", "north", "south", "south", "east"};
        for (int row = 0; row < ROWS; row++) {
            String income = row == 0 ? Double.toString(INCOME_MIN) : row == 1 ? Double.toString(INCOME_MAX)
                    : row % 100 == 50 ? "" : String.format(Locale.ROOT, "%.2f", 50_000 + 10_000 * random.nextGaussian());
            String region = row % 300 == 7 ? "west" : regions[random.nextInt(regions.length)];
            csv.append(income).append(',').append(region).append(',').append(row % 4 == 0 ? 1 : 0).append('\n');
        }
        Path file = directory.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    /** Missing incomes: rows 50, 150, ... */
    public static long missingIncomes() {
        return ROWS / 100;
    }
}
