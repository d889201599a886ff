package io.driftwatch.tools.demo;

import io.driftwatch.cli.BadInputException;
import org.jspecify.annotations.Nullable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A card-fraud model beside the credit one, so the demo shows two models judged under two policies on the same
 * topics: its {@value #TRAINING_ROWS} training rows are drawn here (amount, merchant_category, hour, distance_km,
 * card_present), and its traffic resamples them, scored by its rule (fraud when a card-not-present purchase is far
 * from home). From the scenario's drift window on, amounts quadruple and most purchases are electronics: two of its
 * five inputs shift, too few for the credit policy's half-the-columns rule but enough for its own quarter. It logs
 * predictions only (no labels). Deterministic for a seed.
 */
final class FraudTraffic {
    static final String MODEL = "fraud";
    static final String VERSION = "v1";
    static final String FILE_NAME = "fraud-training.csv";
    static final String FRAUD = "fraud";
    static final String LEGITIMATE = "ok";
    static final int TRAINING_ROWS = 1_000;
    private static final List<String> COLUMNS = List.of("amount", "merchant_category", "hour", "distance_km", "card_present");
    private static final List<String> CATEGORIES = List.of("grocery", "fuel", "restaurants", "travel", "electronics");
    private static final String DRIFTED_CATEGORY = "electronics";
    private static final double DRIFTED_CATEGORY_SHARE = 0.7;
    private static final double AMOUNT_FACTOR_AFTER_DRIFT = 4;
    private static final double FAR_FROM_HOME_KM = 25;
    private static final long SEED_OFFSET = 7_919;

    private final List<Map<String, @Nullable Object>> trainingRows;
    private final DemoScenario scenario;

    private FraudTraffic(List<Map<String, @Nullable Object>> trainingRows, DemoScenario scenario) {
        this.trainingRows = trainingRows;
        this.scenario = scenario;
    }

    static FraudTraffic of(DemoScenario scenario) {
        Random random = new Random(scenario.seed() + SEED_OFFSET);
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        for (int i = 0; i < TRAINING_ROWS; i++) {
            Map<String, @Nullable Object> row = new HashMap<>();
            row.put("amount", cents(Math.exp(3.5 + random.nextGaussian())));
            row.put("merchant_category", CATEGORIES.get(random.nextInt(CATEGORIES.size())));
            row.put("hour", (double) random.nextInt(24));
            row.put("distance_km", Math.round(-Math.log(1 - random.nextDouble()) * 100) / 10.0);
            row.put("card_present", random.nextDouble() < 0.7 ? "yes" : "no");
            rows.add(row);
        }
        return new FraudTraffic(List.copyOf(rows), scenario);
    }

    /**
     * Writes the training rows with the model's prediction for each, as a user has the file before
     * {@code driftwatch baseline --prediction-column prediction}, to {@link #FILE_NAME} in {@code directory}.
     *
     * @throws BadInputException when the file cannot be written
     */
    Path writeTraining(Path directory) throws BadInputException {
        Path target = directory.resolve(FILE_NAME);
        try (BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            writer.write(String.join(",", COLUMNS) + "," + ScoredTraining.PREDICTION_COLUMN + "\n");
            for (Map<String, @Nullable Object> row : trainingRows) {
                List<String> fields = new ArrayList<>();
                COLUMNS.forEach(column -> fields.add(text(row.get(column))));
                fields.add(decide(row));
                writer.write(String.join(",", fields) + "\n");
            }
        } catch (IOException e) {
            throw new BadInputException("cannot write the fraud model's training file " + target + ": " + e.getMessage()
                    + "; choose another directory with --output", e);
        }
        return target;
    }

    /** Every prediction of the scenario, in event-time order, keyed by request ids of their own. */
    List<DemoRecord> records() {
        Random random = new Random(scenario.seed() + SEED_OFFSET + 1);
        List<DemoRecord> records = new ArrayList<>();
        Duration spacing = scenario.window().dividedBy(scenario.perWindow());
        Duration halfSpacing = spacing.dividedBy(2);
        for (int window = 0; window < scenario.windows(); window++) {
            boolean drifted = window >= scenario.driftFromWindow();
            for (int i = 0; i < scenario.perWindow(); i++) {
                Instant predictedAt = scenario.windowStart(window).plus(spacing.multipliedBy(i)).plus(halfSpacing);
                Map<String, @Nullable Object> features = drifted ? drifted(sample(random), random) : sample(random);
                records.add(inference("txn-" + window + "-" + i, predictedAt, features));
            }
        }
        return records;
    }

    /** Predictions of requests of their own at {@code time}, past every window's close. */
    List<DemoRecord> closers(Instant time, int count) {
        Random random = new Random(scenario.seed() + SEED_OFFSET + 2);
        List<DemoRecord> closers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            closers.add(inference("txn-closer-" + i, time, sample(random)));
        }
        return closers;
    }

    private Map<String, @Nullable Object> sample(Random random) {
        return new HashMap<>(trainingRows.get(random.nextInt(trainingRows.size())));
    }

    private static Map<String, @Nullable Object> drifted(Map<String, @Nullable Object> features, Random random) {
        features.computeIfPresent("amount", (name, amount) -> cents((Double) amount * AMOUNT_FACTOR_AFTER_DRIFT));
        if (random.nextDouble() < DRIFTED_CATEGORY_SHARE) {
            features.put("merchant_category", DRIFTED_CATEGORY);
        }
        return features;
    }

    /** The model's answer for one purchase: its rule, which both the traffic and the training file use. */
    static String decide(Map<String, @Nullable Object> features) {
        return "no".equals(features.get("card_present")) && features.get("distance_km") instanceof Double distance
                && distance > FAR_FROM_HOME_KM ? FRAUD : LEGITIMATE;
    }

    private static DemoRecord inference(String requestId, Instant time, Map<String, @Nullable Object> features) {
        return DemoRecord.inference(MODEL, VERSION, requestId, time, features, decide(features));
    }

    private static double cents(double amount) {
        return Math.round(amount * 100) / 100.0;
    }

    private static String text(@Nullable Object value) {
        if (value instanceof Double number) {
            return number == Math.rint(number) ? Long.toString(number.longValue()) : String.format(Locale.ROOT, "%s", number);
        }
        return value == null ? "" : value.toString();
    }
}
