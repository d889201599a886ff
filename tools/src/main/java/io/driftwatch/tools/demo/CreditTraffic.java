package io.driftwatch.tools.demo;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.cli.tabular.RowReader;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static java.util.Objects.requireNonNull;

/**
 * A credit model's production traffic, drawn from its training rows so that undrifted windows match the
 * baseline: each prediction is a training row resampled, scored by the {@link CreditModel} (its answer and its
 * class scores), and followed by its true label a random delay later. Until the drift the label is drawn from the
 * model's own probability, as its training file's labels are ({@link ScoredTraining}), so the model is calibrated
 * and right about 89% of the time. From the scenario's drift window on, a new customer segment arrives (younger, on
 * mobile, a fifth of it from the region {@value #ONLINE_REGION} the model never saw, its credit scores and incomes
 * lower and close to the model's cut-offs), five of the seven inputs shift, the model's scores crowd towards 0.5,
 * and it is right about half the time. Each prediction also logs its {@value #ID_COLUMN}, which the training file
 * lacks. Inferences are Avro single-object encoded, labels JSON: the two encodings a model server without a schema
 * registry writes. Deterministic for a seed.
 */
final class CreditTraffic {
    static final String MODEL = "credit";
    static final String VERSION = "v1";
    /** One value per application, as a model server logs it: not a feature, so the demo's credit policy excludes it. */
    static final String ID_COLUMN = "application_id";
    /** A region the model never saw, which the credit policy's expectation on region refuses ({@code unseen: error}). */
    static final String ONLINE_REGION = "online";
    private static final double ONLINE_SHARE = 0.2;
    private static final double ACCURACY_AFTER_DRIFT = 0.5;
    /** How much of a training applicant's distance from each cut-off the new segment keeps. */
    private static final double SEGMENT_SCORE_SPREAD = 0.2;
    private static final double SEGMENT_INCOME_SPREAD = 0.1;

    private final List<Map<String, @Nullable Object>> trainingRows;
    private final DemoScenario scenario;

    private CreditTraffic(List<Map<String, @Nullable Object>> trainingRows, DemoScenario scenario) {
        this.trainingRows = trainingRows;
        this.scenario = scenario;
    }

    /** @throws BadInputException when the training file cannot be read */
    static CreditTraffic from(Path trainingFile, DemoScenario scenario) throws BadInputException {
        requireNonNull(scenario, "scenario");
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        try (RowReader reader = RowReader.open(trainingFile)) {
            for (Optional<Row> row = reader.next(); row.isPresent(); row = reader.next()) {
                Map<String, @Nullable Object> features = new HashMap<>();
                row.get().values().forEach((column, value) -> features.put(column, value.featureValue()));
                rows.add(features);
            }
        }
        if (rows.isEmpty()) {
            throw new BadInputException("the training file " + trainingFile + " has no rows");
        }
        return new CreditTraffic(List.copyOf(rows), scenario);
    }

    /** Every prediction and label of the scenario, in event-time order. */
    List<DemoRecord> records() {
        Random random = new Random(scenario.seed());
        List<DemoRecord> records = new ArrayList<>();
        Duration spacing = scenario.window().dividedBy(scenario.perWindow());
        for (int window = 0; window < scenario.windows(); window++) {
            boolean drifted = window >= scenario.driftFromWindow();
            for (int i = 0; i < scenario.perWindow(); i++) {
                String requestId = "req-" + window + "-" + i;
                Instant predictedAt = scenario.windowStart(window).plus(spacing.multipliedBy(i));
                Map<String, @Nullable Object> features = drifted ? newSegment(sample(random), random) : sample(random);
                double approveProbability = CreditModel.approveProbability(features);
                String prediction = CreditModel.decide(approveProbability);
                features.put(ID_COLUMN, "app-" + window + "-" + i);
                records.add(inference(requestId, predictedAt, features, approveProbability));
                String actual = drifted ? (random.nextDouble() < ACCURACY_AFTER_DRIFT ? prediction : other(prediction))
                        : actual(approveProbability, random);
                Instant labelledAt = predictedAt.plusMillis(1 + (long) (random.nextDouble() * scenario.labelDelayMax().toMillis()));
                records.add(label(requestId, labelledAt, actual));
            }
        }
        records.sort(Comparator.comparing(DemoRecord::eventTime));
        return records;
    }

    /**
     * Predictions and labels of requests of their own at {@code time}: they move both inputs' event time past the
     * last windows, so those close and their quality becomes final.
     */
    List<DemoRecord> closers(Instant time, int count) {
        Random random = new Random(scenario.seed() + 1);
        List<DemoRecord> closers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, @Nullable Object> features = sample(random);
            closers.add(inference("closer-" + i, time, features, CreditModel.approveProbability(features)));
            closers.add(label("closer-label-" + i, time, CreditModel.APPROVE));
        }
        return closers;
    }

    private Map<String, @Nullable Object> sample(Random random) {
        return new HashMap<>(trainingRows.get(random.nextInt(trainingRows.size())));
    }

    private static Map<String, @Nullable Object> newSegment(Map<String, @Nullable Object> features, Random random) {
        features.computeIfPresent("age", (name, age) -> Math.max(18.0, (double) Math.round((Double) age * 0.6)));
        features.computeIfPresent("income", (name, income) -> (double) Math.round(CreditModel.INCOME_CUT_OFF
                + ((Double) income - CreditModel.INCOME_CUT_OFF) * SEGMENT_INCOME_SPREAD));
        features.computeIfPresent("credit_score", (name, score) -> (double) Math.round(CreditModel.SCORE_CUT_OFF
                + ((Double) score - CreditModel.SCORE_CUT_OFF) * SEGMENT_SCORE_SPREAD));
        features.put("device", random.nextDouble() < 0.85 ? "mobile" : "desktop");
        if (random.nextDouble() < ONLINE_SHARE) {
            features.put("region", ONLINE_REGION);
        }
        return features;
    }

    /** A true label drawn from the model's probability of approving: the label of a calibrated model. */
    static String actual(double approveProbability, Random random) {
        return random.nextDouble() < approveProbability ? CreditModel.APPROVE : CreditModel.DECLINE;
    }

    private static String other(String prediction) {
        return prediction.equals(CreditModel.APPROVE) ? CreditModel.DECLINE : CreditModel.APPROVE;
    }

    private static DemoRecord inference(String requestId, Instant time, Map<String, @Nullable Object> features, double approveProbability) {
        return DemoRecord.inference(MODEL, VERSION, requestId, time, features, CreditModel.decide(approveProbability),
                CreditModel.classScores(approveProbability));
    }

    private static DemoRecord label(String requestId, Instant time, String actual) {
        return DemoRecord.label(MODEL, requestId, time, actual);
    }
}
