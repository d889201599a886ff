package io.driftwatch.cli;

import io.driftwatch.cli.policy.PolicyInferCommand;
import io.driftwatch.cli.policy.PolicyListCommand;
import io.driftwatch.cli.policy.PolicyPublishCommand;
import io.driftwatch.cli.policy.PolicyShowCommand;
import io.driftwatch.cli.policy.PolicyValidateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code driftwatch policy}: the commands on monitoring policies, the per-model YAML files described in
 * docs/policies.md. It only lists its subcommands.
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = {"Infer, check, publish and list monitoring policies, and show the policy a model version runs"
                + " under (docs/policies.md).", ""},
        subcommands = {PolicyInferCommand.class, PolicyValidateCommand.class, PolicyShowCommand.class,
                PolicyPublishCommand.class, PolicyListCommand.class})
public final class PolicyCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
