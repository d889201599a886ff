package io.driftwatch.cli.policy;

import io.driftwatch.alerts.AlertsPolicyDefaults;
import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.ExitCode;
import io.driftwatch.cli.KafkaClientOptions;
import io.driftwatch.policy.EffectivePolicy;
import io.driftwatch.policy.PolicyDocument;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.policy.PolicyProblem;
import io.driftwatch.policy.PolicySet;
import io.driftwatch.policy.PublishedPolicies;
import io.driftwatch.policy.layer.LayerMerge;
import io.driftwatch.policy.layer.PolicyLayer;
import io.driftwatch.policy.layer.SourcedYaml;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.config.PolicyDefaults;
import org.apache.kafka.common.config.ConfigException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code driftwatch policy show}: the policy one model version runs under, merged from the service's defaults, the
 * {@code *} policy, the model's and the version's, with each value's source beside it, so an owner sees what applies
 * and which file or property to edit. Reads files only: nothing connects to Kafka.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Print the effective policy of a model version, each value with its source, and its id.", ""},
        footer = {"", "Examples:",
                "  driftwatch policy show --policy fleet.yaml --policy credit.yaml --model credit --model-version v2",
                "  driftwatch policy show --policy credit.yaml --model credit --config driftwatch.properties",
                "  driftwatch policy show --bootstrap-servers localhost:9092 --model credit --model-version v2 --config driftwatch.properties",
                "", "With --bootstrap-servers it reads the policies topic as run and alerts do (refused policies left out), so",
                "its id is the one their reports carry when --config is the file run reads."})
public final class PolicyShowCommand implements Callable<Integer> {
    // The engine's configuration insists on brokers; show from files reads its defaults only and never connects.
    private static final String UNUSED_BOOTSTRAP = "policy-show.invalid:9092";

    @Spec
    private CommandSpec spec;

    @Option(names = "--policy", paramLabel = "FILE", description = "A policy file; repeat for each (the * policy, the"
            + " model's, its versions').")
    private List<Path> policyFiles = new ArrayList<>();

    @Option(names = "--model", paramLabel = "M", required = true, description = "The model.")
    private String model = "";

    @Option(names = "--model-version", paramLabel = "V", description = "The model version; without it, the policy of"
            + " every version.")
    private @Nullable String version;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Read the policies on the policies"
            + " topic of these brokers instead of files, as run and alerts do.")
    private @Nullable String bootstrapServers;

    @Option(names = "--config", paramLabel = "FILE", description = "The properties file run and alerts take: its"
            + " driftwatch.* settings are the defaults under every policy (without it, driftwatch's own defaults).")
    private @Nullable Path configFile;

    @Override
    public Integer call() throws BadInputException {
        PrintWriter out = spec.commandLine().getOut();
        if (bootstrapServers != null && !policyFiles.isEmpty()) {
            throw new BadInputException("--policy and --bootstrap-servers both give the policies: choose files or the topic");
        }
        try {
            List<PolicyDocument> documents = bootstrapServers != null
                    ? new PublishedPolicies().set(PolicyTopic.read(topicSettings(bootstrapServers))).documents()
                    : PolicyDocument.readAll(policyFiles);
            EffectivePolicy effective = PolicySet.of(documents).effective(model, Optional.ofNullable(version), defaults());
            out.println("# effective policy of model " + model + (version == null ? ", every version" : ", version " + version)
                    + "; id " + effective.id());
            out.print(SourcedYaml.render(effective.merged()));
            return ExitCode.OK;
        } catch (PolicyException e) {
            e.problems().stream().map(PolicyProblem::toString).forEach(spec.commandLine().getErr()::println);
            return ExitCode.BAD_INPUT;
        }
    }

    private PolicyLayer defaults() throws BadInputException {
        Map<String, Object> settings = settings();
        settings.putIfAbsent("bootstrap.servers", UNUSED_BOOTSTRAP);
        try {
            return LayerMerge.merge("defaults", List.of(PolicyDefaults.layer(new DriftwatchConfig(settings)),
                    AlertsPolicyDefaults.layer(settings)));
        } catch (ConfigException e) {
            throw new BadInputException(configFile + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Object> settings() throws BadInputException {
        Map<String, Object> settings = new HashMap<>();
        if (configFile != null) {
            settings.putAll(DriftwatchConfig.fromProperties(KafkaClientOptions.readProperties(configFile)));
        }
        return settings;
    }

    /** The topics' names and client settings of --config, with the brokers of --bootstrap-servers. */
    private DriftwatchConfig topicSettings(String brokers) throws BadInputException {
        Map<String, Object> settings = settings();
        settings.put("bootstrap.servers", brokers);
        try {
            return new DriftwatchConfig(settings);
        } catch (ConfigException e) {
            throw new BadInputException(configFile + ": " + e.getMessage(), e);
        }
    }

}
