package io.driftwatch.cli.policy;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.cli.KafkaClientOptions;
import io.driftwatch.policy.PolicyDocument;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.policy.PublishedPolicies;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code driftwatch policy list}: the policies on the policies topic, one line each, as {@code run} and {@code alerts}
 * see them: the key, the model and versions, the policy's id, and whether it is applied or refused (with the reason,
 * the same check the service runs), so an owner can confirm what a model is judged by without reading the service's
 * log.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the policies on the policies topic: key, id, and whether run and alerts apply it.", ""},
        footer = {"", "Examples:", "  driftwatch policy list --bootstrap-servers localhost:9092"})
public final class PolicyListCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaClientOptions kafka = new KafkaClientOptions();

    @Override
    public Integer call() throws BadInputException {
        DriftwatchConfig config = kafka.driftwatchConfig();
        Map<String, String> latest = PolicyTopic.read(config);
        PrintWriter out = spec.commandLine().getOut();
        PublishedPolicies published = new PublishedPolicies();
        latest.forEach((key, text) -> {
            try {
                PolicyDocument document = published.accept(key, text);
                out.println(key + "  file " + document.id() + "  applied");
            } catch (PolicyException e) {
                out.println(key + "  refused: " + e.problems().get(0) + (e.problems().size() > 1
                        ? " (and " + (e.problems().size() - 1) + " more problems)" : ""));
            }
        });
        if (latest.isEmpty()) {
            out.println("no policies on " + Topics.POLICIES.name(config) + "; every model is judged by the driftwatch.* settings");
        }
        out.flush();
        return ExitCode.OK;
    }
}
