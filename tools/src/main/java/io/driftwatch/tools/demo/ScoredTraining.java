package io.driftwatch.tools.demo;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.produce.ProduceColumns;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.cli.tabular.RowReader;
import io.driftwatch.cli.tabular.RowValue;
import org.jspecify.annotations.Nullable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The credit model's training file as a user has it before {@code driftwatch baseline}: the model's inputs with,
 * for each row, the model's prediction ({@value #PREDICTION_COLUMN}), its probability of approving
 * ({@value #SCORE_COLUMN}) and the true label ({@value #LABEL_COLUMN}), drawn from that probability as the traffic
 * draws its labels before the drift. The baseline profiles the prediction ({@code --prediction-column}), so the
 * stream's prediction profile is compared with it instead of being reported as an unexpected column in every window,
 * and fits CBPE on the scores and labels ({@code --estimate-performance}). The bundled inputs stay as they are: the
 * batch demo compares them with a production week that has no predictions. Deterministic for a seed.
 */
final class ScoredTraining {
    /** The column of the model's predictions, the default {@code baseline --prediction-column}. */
    static final String PREDICTION_COLUMN = ProduceColumns.DEFAULT_PREDICTION;
    /** The column of the model's probability of approving, {@code baseline --score-column}. */
    static final String SCORE_COLUMN = "p_approve";
    /** The column of the true labels, the default {@code baseline --labels}. */
    static final String LABEL_COLUMN = ProduceColumns.DEFAULT_LABEL;
    /** What the baseline fits CBPE on: the labels and the probability of approving. */
    static final DemoBaseline.Estimation ESTIMATION = new DemoBaseline.Estimation(LABEL_COLUMN, SCORE_COLUMN, CreditModel.APPROVE);
    static final String FILE_NAME = "credit-training.csv";

    private ScoredTraining() {
    }

    /**
     * Writes {@code inputs} (CSV) with each row's prediction, probability of approving and true label added as the
     * last columns, to {@link #FILE_NAME} in {@code directory}; every input value is written as the file spells it.
     *
     * @param seed the seed the labels are drawn with
     * @throws BadInputException when {@code inputs} cannot be read or the scored file cannot be written
     */
    static Path write(Path inputs, Path directory, long seed) throws BadInputException {
        Path target = directory.resolve(FILE_NAME);
        Random random = new Random(seed);
        try (RowReader reader = RowReader.open(inputs);
             BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(reader.columns());
            header.addAll(List.of(PREDICTION_COLUMN, SCORE_COLUMN, LABEL_COLUMN));
            writeLine(writer, header);
            for (Optional<Row> row = reader.next(); row.isPresent(); row = reader.next()) {
                List<String> fields = new ArrayList<>();
                Map<String, @Nullable Object> features = new HashMap<>();
                for (String column : reader.columns()) {
                    RowValue value = row.get().value(column);
                    fields.add(value.text());
                    features.put(column, value.featureValue());
                }
                double approveProbability = CreditModel.approveProbability(features);
                fields.add(CreditModel.decide(approveProbability));
                fields.add(Double.toString(approveProbability));
                fields.add(CreditTraffic.actual(approveProbability, random));
                writeLine(writer, fields);
            }
        } catch (IOException e) {
            throw new BadInputException("cannot write the scored training file " + target + ": " + e.getMessage()
                    + "; choose another directory with --output", e);
        }
        return target;
    }

    private static void writeLine(BufferedWriter writer, List<String> fields) throws IOException {
        List<String> quoted = new ArrayList<>();
        for (String field : fields) {
            boolean needsQuotes = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
            quoted.add(needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        writer.write(String.join(",", quoted));
        writer.write('\n');
    }
}
