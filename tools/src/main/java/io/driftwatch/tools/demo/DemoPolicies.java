package io.driftwatch.tools.demo;

import io.driftwatch.alerts.AlertsPolicyDefaults;
import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.baseline.PublishException;
import io.driftwatch.cli.policy.PolicyPublisher;
import io.driftwatch.policy.PolicyException;
import io.driftwatch.topology.config.DriftwatchConfig;
import io.driftwatch.topology.policy.ModelRules;
import io.driftwatch.topology.policy.PolicyModelRules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The demo's two monitoring policies ({@code /demo/credit-policy.yaml} and {@code /demo/fraud-policy.yaml} in the jar,
 * copied to the output directory for a person to read), published through {@link PolicyPublisher}, the code
 * {@code driftwatch policy publish} runs, before any traffic, so every window is judged under them. The id each model's
 * reports must name is worked out by {@link PolicyModelRules}, the class {@code driftwatch run} resolves it with.
 */
final class DemoPolicies {
    static final String CREDIT_FILE = "credit-policy.yaml";
    static final String FRAUD_FILE = "fraud-policy.yaml";

    /**
     * One model's policy as published: its file, the id its reports and triggers name, the size of its windows, how
     * many drifted windows in a row its dataset drift rule asks for, the level its quality rule triggers below (empty
     * without one), its email recipients.
     */
    record Published(String model, String version, Path file, String policyId, Duration window, int driftWindows,
                     OptionalDouble qualityThreshold, List<String> recipients) {
        Published {
            requireNonNull(model, "model");
            requireNonNull(version, "version");
            requireNonNull(file, "file");
            requireNonNull(policyId, "policyId");
            requireNonNull(window, "window");
            requireNonNull(qualityThreshold, "qualityThreshold");
            recipients = List.copyOf(recipients);
        }

        /** How many of its own windows the model's traffic in {@code scenario} fills. */
        int windows(DemoScenario scenario) {
            return (int) (Duration.between(scenario.start(), scenario.end()).toMillis() / window.toMillis());
        }

        /** Where the model's window {@code index} (from 0) of {@code scenario} starts. */
        Instant windowStart(DemoScenario scenario, int index) {
            return scenario.start().plus(window.multipliedBy(index));
        }
    }

    private DemoPolicies() {
    }

    /**
     * @return each model's published policy, credit first
     * @throws BadInputException when the files cannot be written to {@code directory}
     * @throws PublishException  when the broker does not take them
     */
    static Map<String, Published> publish(Path directory, DriftwatchConfig config) throws BadInputException, PublishException {
        List<Path> files = new ArrayList<>();
        try {
            files.add(BundledData.copy(CREDIT_FILE, directory));
            files.add(BundledData.copy(FRAUD_FILE, directory));
        } catch (IOException e) {
            throw new BadInputException("cannot write the demo's policy files to " + directory + ": " + e.getMessage()
                    + "; choose another directory with --output", e);
        }
        List<PolicyPublisher.Published> written;
        try {
            written = new PolicyPublisher(config).publish(files);
        } catch (PolicyException e) {
            throw new IllegalStateException("the jar's demo policies are invalid (" + e.problems() + "); rebuild it", e);
        }
        Map<String, String> accepted = new TreeMap<>();
        for (PolicyPublisher.Published file : written) {
            accepted.put(file.key(), text(file.file()));
        }
        // Built as run builds them (RunCommand, DemoStack), so the ids are the ones the reports carry.
        PolicyModelRules rules = new PolicyModelRules(config, AlertsPolicyDefaults.layer(config.originals()));
        Map<String, String> versions = Map.of(CreditTraffic.MODEL, CreditTraffic.VERSION, FraudTraffic.MODEL, FraudTraffic.VERSION);
        Map<String, Published> byModel = new LinkedHashMap<>();
        for (PolicyPublisher.Published file : written) {
            String model = file.document().policy().model();
            String version = requireNonNull(versions.get(model), () -> "no traffic for the policy's model " + model);
            ModelRules resolved = rules.resolve(model, version, accepted);
            byModel.put(model, new Published(model, version, file.file(), resolved.policyId(), resolved.window().size(),
                    resolved.triggers().consecutiveDriftWindows(), resolved.quality().threshold(), file.document().policy().alerts().to().orElse(List.of())));
        }
        return byModel;
    }

    private static String text(Path file) throws BadInputException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + " again after publishing it: " + e.getMessage(), e);
        }
    }
}
