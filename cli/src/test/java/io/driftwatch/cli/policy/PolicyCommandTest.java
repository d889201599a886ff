package io.driftwatch.cli.policy;

import io.driftwatch.cli.DriftwatchCommand;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.policy.PolicyDocument;
import io.driftwatch.policy.PolicyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyCommandTest {
    @TempDir
    Path directory;

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text);
    }

    @Test
    void validateNamesEachValidFilesModelVersionsAndId() throws IOException, PolicyException {
        Path credit = file("credit.yaml", "model: credit\nversions: [v1, v2]\nwindow: {size: 1d}\n");

        Outcome outcome = run("policy", "validate", credit.toString());

        assertThat(outcome.exit()).isEqualTo(ExitCode.OK);
        assertThat(outcome.out()).isEqualTo(credit + ": valid; model credit, versions v1, v2, id "
                + PolicyDocument.read(credit).id().shortForm() + "\n");
    }

    @Test
    void validateRefusesFilesValidAloneThatContradictEachOtherOnceMerged() throws IOException {
        Path fleet = file("fleet.yaml", "model: '*'\nfeatures: {columns: {region: {expect: {min: 0, max: 5}}}}\n");
        Path credit = file("credit.yaml", "model: credit\nfeatures: {columns: {region: {expect: {type: categorical}}}}\n");

        Outcome alone = run("policy", "validate", credit.toString());
        Outcome together = run("policy", "validate", fleet.toString(), credit.toString());

        assertThat(alone.exit()).isZero();
        assertThat(together.exit()).isEqualTo(2);
        assertThat(together.err()).contains(credit + ":0:0: merged with the other policies given, model credit cannot be"
                + " applied: expectation on column 'region': min and max bound numbers, but type is categorical");
    }

    @Test
    void validatePrintsEveryProblemOfEveryFileAndExitsTwo() throws IOException {
        Path good = file("fleet.yaml", "model: \"*\"\n");
        Path bad = file("credit.yaml", "model: credit\nwindow: {size: 6h, offset: 6h}\nalerts: {too: []}\n");
        Path missing = directory.resolve("nowhere.yaml");

        Outcome outcome = run("policy", "validate", good.toString(), bad.toString(), missing.toString());

        assertThat(outcome.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(outcome.out()).startsWith(good + ": valid; model *, versions *, id ");
        assertThat(outcome.err().lines()).containsExactly(
                bad + ":3:10: alerts.too: unknown key 'too'; known keys here: to, min_severity, rate_per_hour, ranking",
                missing + ":0:0: no such file; check the path");
    }

    @Test
    void showPrintsTheEffectivePolicyWithEachValuesSourceAndItsId() throws IOException {
        Path fleet = file("fleet.yaml", "model: \"*\"\ntriggers: {cooldown: 2h}\n");
        Path credit = file("credit.yaml", "model: credit\nwindow:\n  size: 1d\n");
        Path config = file("driftwatch.properties", "driftwatch.window.grace.ms=60000\ndriftwatch.alerts.to=ml@example.com\n");

        Outcome outcome = run("policy", "show", "--policy", fleet.toString(), "--policy", credit.toString(),
                "--model", "credit", "--model-version", "v2", "--config", config.toString());

        assertThat(outcome.exit()).as(outcome.err()).isEqualTo(ExitCode.OK);
        assertThat(outcome.out()).startsWith("# effective policy of model credit, version v2; id ")
                .contains("model: credit\n", "versions: [v2]\n", "  size: 1d  # " + credit + ":3\n",
                        "  grace: 1m  # driftwatch.window.grace.ms\n", "  cooldown: 2h  # " + fleet + ":2\n",
                        "  to: [ml@example.com]  # driftwatch.alerts.to\n",
                        "    share: 0.5  # DriftDefaults.DATASET_DRIFT_SHARE\n");
    }

    @Test
    void theShownPolicyReadsBackAsAValidPolicy() throws IOException, PolicyException {
        Path credit = file("credit.yaml", "model: credit\nversions: [\"2024\"]\nfeatures: {tests: {psi: {}}}\n");

        Outcome outcome = run("policy", "show", "--policy", credit.toString(), "--model", "credit", "--model-version", "2024");

        assertThat(outcome.exit()).as(outcome.err()).isEqualTo(ExitCode.OK);
        assertThat(PolicyDocument.parse("shown.yaml", outcome.out()).policy().versions()).containsExactly("2024");
    }

    @Test
    void showRefusesTwoPoliciesForTheSameModelAndVersion() throws IOException {
        Path one = file("one.yaml", "model: credit\n");
        Path two = file("two.yaml", "model: credit\n");

        Outcome outcome = run("policy", "show", "--policy", one.toString(), "--policy", two.toString(), "--model", "credit");

        assertThat(outcome.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(outcome.err()).isEqualTo(two + ":1:1: model credit, version * already has a policy in " + one
                + "; keep one of the two\n");
    }
}
