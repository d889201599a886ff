package io.driftwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A validation file of a churn classifier, whose facts are known by construction: 200 rows of features, the true
 * class (missing on rows 7, 57, 107 and 157), the predicted class (wrong on every 10th row) and both classes' scores.
 */
final class ChurnValidationFile {
    private ChurnValidationFile() {
    }

    static Path write(Path directory, String name) throws IOException {
        StringBuilder csv = new StringBuilder("tenure,plan,churned,predicted,p_yes,p_no\n");
        for (int row = 0; row < 200; row++) {
            String actual = row % 3 == 0 ? "yes" : "no";
            boolean right = row % 10 != 0;
            String predicted = right ? actual : actual.equals("yes") ? "no" : "yes";
            double yes = predicted.equals("yes") ? 0.8 : 0.3;
            String label = row % 50 == 7 ? "" : actual;
            csv.append(row % 24).append(',').append(row % 2 == 0 ? "basic" : "pro").append(',').append(label).append(',')
                    .append(predicted).append(',').append(yes).append(',').append(1 - yes).append('\n');
        }
        return Files.writeString(directory.resolve(name), csv);
    }
}
