package io.driftwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A training file for {@code --multivariate pca} in both commands: {@value #ROWS} rows (5 chunks of 80 and a
 * remainder of 3 under {@code --chunk-count 5}) of a request id that is not a feature, a correlated pair x1 and
 * x2, a colour with some values missing, a boolean member flag and a numeric zip code declared categorical, and the
 * policy that excludes the id and declares the zip code.
 */
final class MultivariateTrainingFile {
    static final int ROWS = 403;
    private static final String[] COLOURS = {"red", "green", "blue"};

    private MultivariateTrainingFile() {
    }

    /** The CSV: request_id,x1,x2,colour,member,zip; about 5% of the colours blank (missing). */
    static Path write(Path directory, String name) throws IOException {
        Random random = new Random(2025);
        List<String> lines = new ArrayList<>(List.of("request_id,x1,x2,colour,member,zip"));
        for (int row = 0; row < ROWS; row++) {
            double x1 = random.nextGaussian();
            double x2 = 0.8 * x1 + 0.3 * random.nextGaussian();
            String colour = row % 20 == 7 ? "" : COLOURS[random.nextInt(COLOURS.length)];
            boolean member = random.nextDouble() < 0.3 + 0.4 * (x1 > 0 ? 1 : 0);
            int zip = 10_000 + 100 * random.nextInt(4);
            lines.add(String.format(Locale.ROOT, "r%05d,%.6f,%.6f,%s,%s,%d", row, x1, x2, colour, member, zip));
        }
        return Files.write(directory.resolve(name), lines);
    }

    /** A policy for model fraud: request_id excluded, zip declared categorical. */
    static Path policy(Path directory) throws IOException {
        return Files.writeString(directory.resolve("fraud.yaml"), """
                model: fraud
                versions: "*"
                features:
                  exclude: [request_id]
                  columns:
                    zip: {type: categorical}
                """);
    }
}
