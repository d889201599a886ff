package io.driftwatch.cli.policy;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.cli.KafkaClientOptions;
import io.driftwatch.cli.baseline.PublishException;
import io.driftwatch.policy.PolicyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code driftwatch policy publish}: validates policy files and writes each to the compacted policies topic under its
 * model and versions, where {@code run} and {@code alerts} pick it up for the next window without a restart. Nothing
 * is written unless every file is valid, so a review that merges several files publishes all of them or none.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Validate policy files and publish them to the policies topic, applied by run and alerts from"
                + " the next window that closes.", ""},
        footer = {"", "Examples:",
                "  driftwatch policy publish credit.yaml --bootstrap-servers localhost:9092",
                "  driftwatch policy publish policies/*.yaml --config driftwatch.properties",
                "", "Each file is written under the key MODEL/VERSIONS (credit/*, credit/2.1,2.2); publishing a file"
                + " again replaces the policy under its key."})
public final class PolicyPublishCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Policy files (YAML).")
    private List<Path> files = new ArrayList<>();

    @Mixin
    private KafkaClientOptions kafka = new KafkaClientOptions();

    @Override
    public Integer call() throws BadInputException, PublishException {
        List<PolicyPublisher.Published> published;
        try {
            PolicyPublisher.validate(files);
            published = new PolicyPublisher(kafka.driftwatchConfig()).publish(files);
        } catch (PolicyException e) {
            e.problems().forEach(problem -> spec.commandLine().getErr().println(problem));
            spec.commandLine().getErr().println("nothing was published; fix the files and publish them again");
            return ExitCode.BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        for (PolicyPublisher.Published file : published) {
            out.println("published " + file.file() + " as " + file.key() + " (policy " + file.document().id() + ") to " + file.topic());
        }
        out.flush();
        return ExitCode.OK;
    }
}
