package io.driftwatch.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The files of two teams' models for {@code PerModelPoliciesIntegrationTest}: the training file each baseline is
 * built from, and one window of each model's traffic, normal in window 0 and drifted from window 1 on. Both carry a
 * {@code request_id} column that is an id, unique per row, which the baseline profiles as a feature unless a policy
 * excludes it; the record's own id comes from {@code rid}. Drifted credit traffic sends a {@code region} its policy
 * does not allow, drifted fraud traffic a {@code merchant} its training never saw.
 */
final class TwoTeamsTraffic {
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int PER_WINDOW = 300;
    private static final List<String> REGIONS = List.of("north", "south", "east", "west");
    private static final List<String> MERCHANTS = List.of("grocery", "travel", "fuel");

    private final Path directory;
    private final Random random = new Random(29);
    private int rows;

    TwoTeamsTraffic(Path directory) {
        this.directory = directory;
    }

    static Instant windowStart(int window) {
        return T0.plus(WINDOW.multipliedBy(window));
    }

    Path creditTraining() throws IOException {
        StringBuilder csv = new StringBuilder("request_id,income,age,region\n");
        for (int i = 0; i < 2000; i++) {
            csv.append(String.format(Locale.ROOT, "t%d,%.2f,%.3f,%s%n", i, 50_000 + random.nextGaussian() * 10_000,
                    40 + random.nextGaussian() * 5, pick(REGIONS)));
        }
        return Files.writeString(directory.resolve("credit-train.csv"), csv);
    }

    Path fraudTraining() throws IOException {
        StringBuilder csv = new StringBuilder("request_id,amount,merchant\n");
        for (int i = 0; i < 2000; i++) {
            csv.append(String.format(Locale.ROOT, "t%d,%.2f,%s%n", i, 50 + random.nextGaussian() * 10, pick(MERCHANTS)));
        }
        return Files.writeString(directory.resolve("fraud-train.csv"), csv);
    }

    /** Credit's traffic of one window: from window 1 on, richer and older applicants, a fifth from region central. */
    Path credit(int window) throws IOException {
        boolean drifted = window >= 1;
        StringBuilder csv = new StringBuilder("rid,request_id,event_time,income,age,region,prediction\n");
        for (int i = 0; i < PER_WINDOW; i++) {
            double income = 50_000 + (drifted ? 25_000 : 0) + random.nextGaussian() * 10_000;
            String region = drifted && i % 5 == 0 ? "central" : pick(REGIONS);
            csv.append(String.format(Locale.ROOT, "c%d,req-c%d,%s,%.2f,%.3f,%s,%.4f%n", rows, rows, time(window, i), income,
                    40 + (drifted ? 15 : 0) + random.nextGaussian() * 5, region, income / 100_000));
            rows++;
        }
        return Files.writeString(directory.resolve("credit-" + window + ".csv"), csv);
    }

    /** Fraud's traffic of one window: from window 1 on, larger amounts and a tenth at a casino. */
    Path fraud(int window) throws IOException {
        boolean drifted = window >= 1;
        StringBuilder csv = new StringBuilder("rid,request_id,event_time,amount,merchant,prediction\n");
        for (int i = 0; i < PER_WINDOW; i++) {
            double amount = 50 + (drifted ? 30 : 0) + random.nextGaussian() * 10;
            String merchant = drifted && i % 10 == 0 ? "casino" : pick(MERCHANTS);
            csv.append(String.format(Locale.ROOT, "f%d,req-f%d,%s,%.2f,%s,%.4f%n", rows, rows, time(window, i), amount, merchant,
                    amount / 200));
            rows++;
        }
        return Files.writeString(directory.resolve("fraud-" + window + ".csv"), csv);
    }

    private static Instant time(int window, int index) {
        return windowStart(window).plusSeconds(index);
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
