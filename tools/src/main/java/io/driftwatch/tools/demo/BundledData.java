package io.driftwatch.tools.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The demo's data files inside the jar ({@code /demo/}): a credit model's 1,000 training rows, which both demos
 * use as the reference, and the batch demo's production week. Copied out to a directory so that the user can
 * run the same commands on them.
 */
final class BundledData {
    /** The credit model's training inputs: age, income, credit_score, num_accounts, region, device, employment_years. */
    static final String REFERENCE = "reference.csv";
    /** One production week with three planted problems, for the batch demo. */
    static final String CURRENT = "current.csv";

    private BundledData() {
    }

    /**
     * @throws IOException when the directory cannot be written
     * @throws IllegalStateException when the jar lacks the file (a broken build)
     */
    static Path copy(String name, Path directory) throws IOException {
        try (InputStream in = BundledData.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks its demo resource " + name + "; rebuild it");
            }
            Path target = directory.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }
}
