package io.driftwatch.cli.analyze;

import io.driftwatch.schemas.record.WindowProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.topology.window.ClosedWindow;
import io.driftwatch.topology.window.WindowKey;
import io.driftwatch.topology.window.WindowProfileRecords;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Raw rows of a model (a number column "income", a category column "region" and the prediction) both ways the tests
 * compare: as a CSV file for {@code check}, and cut into hourly windows whose profiles are the profiles topic's
 * records, built by the service's own {@link WindowProfileRecords} at the default sketch settings.
 *
 * @param incomes     income per row
 * @param regions     region per row
 * @param predictions prediction per row
 */
record ProfiledRows(List<Double> incomes, List<String> regions, List<Double> predictions) {
    static final String MODEL = "credit";
    static final String VERSION = "7";
    static final Duration HOUR = Duration.ofHours(1);

    /** {@code rows} rows, incomes around {@code incomeMean}, regions drawn with {@code northShare} going north. */
    static ProfiledRows drawn(long seed, int rows, double incomeMean, double northShare) {
        Random random = new Random(seed);
        List<Double> incomes = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        List<Double> predictions = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            incomes.add(incomeMean + random.nextGaussian() * 9_000);
            double draw = random.nextDouble();
            regions.add(draw < northShare ? "north" : draw < (1 + northShare) / 2 ? "south" : "west");
            predictions.add(random.nextDouble());
        }
        return new ProfiledRows(incomes, regions, predictions);
    }

    Path csv(Path file) throws IOException {
        StringBuilder text = new StringBuilder("income,region,__prediction__\n");
        for (int i = 0; i < incomes.size(); i++) {
            text.append(String.format(Locale.ROOT, "%s,%s,%s%n", incomes.get(i), regions.get(i), predictions.get(i)));
        }
        return Files.writeString(file, text.toString());
    }

    /** The rows in {@code windows} consecutive hourly windows from {@code start}, as the profiles topic holds them. */
    List<WindowProfile> windows(Instant start, int windows) {
        List<WindowProfile> records = new ArrayList<>();
        int perWindow = (incomes.size() + windows - 1) / windows;
        for (int w = 0; w < windows; w++) {
            FeatureProfiles profiles = new FeatureProfiles(NumericProfileConfig.defaults(), CategoricalProfileConfig.defaults());
            for (int i = w * perWindow; i < Math.min(incomes.size(), (w + 1) * perWindow); i++) {
                profiles.add(Map.of("income", incomes.get(i), "region", regions.get(i)), predictions.get(i));
            }
            Instant windowStart = start.plus(HOUR.multipliedBy(w));
            WindowKey key = new WindowKey(MODEL, VERSION, windowStart.toEpochMilli(), windowStart.plus(HOUR).toEpochMilli());
            records.addAll(WindowProfileRecords.of(new ClosedWindow(key, profiles, true)));
        }
        return records;
    }
}
