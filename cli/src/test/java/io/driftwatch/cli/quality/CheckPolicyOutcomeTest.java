package io.driftwatch.cli.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.cli.DriftwatchCommand;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.policy.PolicyDocument;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.stats.quality.OutcomeTyping;
import io.driftwatch.stats.quality.QualityTally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check --policy} reads a binary model's outcome with the policy's {@code outcome}, as the stream reads the
 * model's windows: the rows here are the two windows of the topology's {@code PolicyOutcomeQualityTest}, and the
 * figures are the ones its quality reports carry.
 */
class CheckPolicyOutcomeTest {
    private static final String FRAUD_POLICY = """
            model: fraud
            outcome: {positive_class: fraud, business_value: [[0, -5], [-50, 100]]}
            triggers: {quality: {metric: business_value, worse_than: 0, min_labels: 10}}
            """;
    /** 3 frauds caught, 1 missed, 2 false alarms, 4 legit passed. */
    private static final String[][] CAUGHT_MOST = {{"fraud", "fraud"}, {"fraud", "fraud"}, {"fraud", "fraud"},
        {"legit", "fraud"}, {"fraud", "legit"}, {"fraud", "legit"}, {"legit", "legit"}, {"legit", "legit"},
        {"legit", "legit"}, {"legit", "legit"}};
    /** 1 fraud caught, 3 missed, 2 false alarms, 4 legit passed. */
    private static final String[][] MISSED_MOST = {{"fraud", "fraud"}, {"legit", "fraud"}, {"legit", "fraud"},
        {"legit", "fraud"}, {"fraud", "legit"}, {"fraud", "legit"}, {"legit", "legit"}, {"legit", "legit"},
        {"legit", "legit"}, {"legit", "legit"}};

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(List<String> args) {
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args.toArray(String[]::new));
    }

    private Path file(String name, String[][] pairs) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("amount,prediction,label");
        for (int i = 0; i < pairs.length; i++) {
            lines.add(10 + i + "," + pairs[i][0] + "," + pairs[i][1]);
        }
        return Files.write(directory.resolve(name), lines);
    }

    private List<String> check(String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("check", "--reference", file("reference.csv", CAUGHT_MOST).toString(),
                "--current", file("current.csv", MISSED_MOST).toString(), "--labels", "label", "--format", "json"));
        args.addAll(List.of(more));
        return args;
    }

    private String policyFile() throws IOException {
        return Files.writeString(directory.resolve("fraud.yaml"), FRAUD_POLICY).toString();
    }

    /** The business value the stream's quality stage gives these pairs under the policy: its tally, read as it reads it. */
    private static double streamsBusinessValue(String[][] pairs) throws PolicyException {
        QualityTally tally = new QualityTally(0);
        for (String[] pair : pairs) {
            tally.addPrediction();
            tally.add(OutcomeTyping.AUTO.outcome(pair[0], pair[1], Map.of(), Map.of(), 0));
        }
        return PolicyDocument.parse("fraud.yaml", FRAUD_POLICY).policy().outcome().choices().summary(tally).metrics()
                .get("business_value");
    }

    @Test
    void aNamedClassModelGetsThePoliciesPositiveClassFiguresAndTheStreamsBusinessValue() throws Exception {
        int exit = run(check("--policy", policyFile()));

        assertThat(exit).as(err.toString()).isIn(ExitCode.OK, ExitCode.FOUND, ExitCode.NOT_JUDGED);
        JsonNode quality = new ObjectMapper().readTree(out.toString()).get("quality");
        JsonNode reference = quality.get("reference");
        JsonNode current = quality.get("current");
        assertThat(reference.get("positive_class").asText()).isEqualTo("fraud");
        assertThat(reference.at("/metrics/recall").asDouble()).isEqualTo(0.75);
        assertThat(current.at("/metrics/recall").asDouble()).isEqualTo(0.25);
        // 0*4 - 5*2 - 50*1 + 100*3, and 0*4 - 5*2 - 50*3 + 100*1: the values PolicyOutcomeQualityTest's windows report.
        assertThat(reference.at("/business_value/total").asDouble()).isEqualTo(240.0).isEqualTo(streamsBusinessValue(CAUGHT_MOST));
        assertThat(current.at("/business_value/total").asDouble()).isEqualTo(-60.0).isEqualTo(streamsBusinessValue(MISSED_MOST));
    }

    @Test
    void withoutAPolicyTheSameFilesNeedTheOptionsForTheSameFigures() throws Exception {
        run(check("--positive-class", "fraud", "--business-value", "[[0, -5], [-50, 100]]"));

        JsonNode current = new ObjectMapper().readTree(out.toString()).at("/quality/current");
        assertThat(current.at("/metrics/recall").asDouble()).isEqualTo(0.25);
        assertThat(current.at("/business_value/total").asDouble()).isEqualTo(-60.0);
    }

    @Test
    void thePositiveClassOrTheBusinessValueBesideAPolicyIsRefusedWithOneLine() throws Exception {
        assertThat(run(check("--policy", policyFile(), "--positive-class", "legit"))).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString().strip()).endsWith("--positive-class and --policy both choose how the model's outcome is"
                + " read: choose one (drop --positive-class, or write outcome.positive_class in the policy file)");

        assertThat(run(check("--policy", policyFile(), "--business-value", "[[0, -5], [-50, 100]]")))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString().strip()).endsWith("--business-value and --policy both choose how the model's outcome is"
                + " read: choose one (drop --business-value, or write outcome.business_value in the policy file)");
    }
}
