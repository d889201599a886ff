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
 * baseline: each prediction is a training row resampled, scored by the model's rule (approve when
 * credit_score and income clear their cut-offs), and followed by its true label a random delay later. From
 * the scenario's drift window on, a new customer segment arrives (younger, lower income and score, on
 * mobile, a fifth of it from the region {@value #ONLINE_REGION} the model never saw), five of the seven inputs
 * shift, and the model, right 92% of the time before, is right about half the time. Each prediction also logs
 * its {@value #ID_COLUMN}, which the training file lacks. Inferences are Avro single-object encoded, labels
 * JSON: the two encodings a model server without a schema registry writes. Deterministic for a seed.
 */
final class CreditTraffic {
    static final String MODEL = "credit";
    static final String VERSION = "v1";
    static final String APPROVE = "approve";
    static final String DECLINE = "decline";
    /** One value per application, as a model server logs it: not a feature, so the demo's credit policy excludes it. */
    static final String ID_COLUMN = "application_id";
    /** A region the model never saw, which the credit policy's expectation on region refuses ({@code unseen: error}). */
    static final String ONLINE_REGION = "online";
    private static final double ONLINE_SHARE = 0.2;
    private static final double ACCURACY_BEFORE_DRIFT = 0.92;
    private static final double ACCURACY_AFTER_DRIFT = 0.5;
    private static final double SCORE_CUT_OFF = 650;
    private static final double INCOME_CUT_OFF = 45_000;

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
                String prediction = decide(features);
                features.put(ID_COLUMN, "app-" + window + "-" + i);
                records.add(inference(requestId, predictedAt, features, prediction));
                double accuracy = drifted ? ACCURACY_AFTER_DRIFT : ACCURACY_BEFORE_DRIFT;
                String actual = random.nextDouble() < accuracy ? prediction : prediction.equals(APPROVE) ? DECLINE : APPROVE;
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
            closers.add(inference("closer-" + i, time, features, decide(features)));
            closers.add(label("closer-label-" + i, time, APPROVE));
        }
        return closers;
    }

    private Map<String, @Nullable Object> sample(Random random) {
        return new HashMap<>(trainingRows.get(random.nextInt(trainingRows.size())));
    }

    private static Map<String, @Nullable Object> newSegment(Map<String, @Nullable Object> features, Random random) {
        features.computeIfPresent("age", (name, age) -> Math.max(18.0, (double) Math.round((Double) age * 0.6)));
        features.computeIfPresent("income", (name, income) -> (double) Math.round((Double) income * 0.55));
        features.computeIfPresent("credit_score", (name, score) -> (Double) score - 70);
        features.put("device", random.nextDouble() < 0.85 ? "mobile" : "desktop");
        if (random.nextDouble() < ONLINE_SHARE) {
            features.put("region", ONLINE_REGION);
        }
        return features;
    }

    /** The model's answer for one applicant: its rule, which both the traffic and the scored training file use. */
    static String decide(Map<String, @Nullable Object> features) {
        return features.get("credit_score") instanceof Double score && score >= SCORE_CUT_OFF
                && features.get("income") instanceof Double income && income >= INCOME_CUT_OFF ? APPROVE : DECLINE;
    }

    private static DemoRecord inference(String requestId, Instant time, Map<String, @Nullable Object> features, String prediction) {
        return DemoRecord.inference(MODEL, VERSION, requestId, time, features, prediction);
    }

    private static DemoRecord label(String requestId, Instant time, String actual) {
        return DemoRecord.label(MODEL, requestId, time, actual);
    }
}
